using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RigDirectory.BrowserTests.Infrastructure;

/// <summary>axe as every browser test runs it.</summary>
public static class Accessibility
{
    /// <summary>
    /// Every rule, but only violations gathered and sent back: the tests read nothing else, and the passes of a long
    /// page (every node of every rule that passed) were most of axe's time and of what crossed to the test.
    /// </summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>The page's accessibility violations, of every impact.</summary>
    public static Task<AxeResult> AxeViolationsAsync(this IPage page) => page.RunAxe(ViolationsOnly);
}
