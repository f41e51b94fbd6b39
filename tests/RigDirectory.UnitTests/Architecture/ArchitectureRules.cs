using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetArchTest.Rules;

namespace RigDirectory.UnitTests.Architecture;

/// <summary>
/// The rules of the code's shape (docs/architecture.md), as functions the tests run on the app and on samples that
/// break them, so that each rule is shown to fail.
/// </summary>
public static partial class ArchitectureRules
{
    /// <summary>
    /// Types of one capability (<c>{features}.A</c> and below) that use another capability's internals: any namespace
    /// below <c>{features}.B</c>. A capability's root namespace is what others may use.
    /// </summary>
    public static IReadOnlyList<string> CapabilityLeaks(Assembly assembly, string features, IReadOnlyCollection<string> exempt)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var namespaces = assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(features + ".", StringComparison.Ordinal)).Distinct().ToList();
        var capabilities = namespaces.Select(n => n[(features.Length + 1)..].Split('.')[0]).Distinct().ToList();
        var leaks = new List<string>();
        foreach (var capability in capabilities)
        {
            var othersInternals = namespaces
                .Where(n => n.Count(c => c == '.') > features.Count(c => c == '.') + 1 && Capability(n, features) != capability)
                .Select(n => n + ".").ToArray();
            if (othersInternals.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(assembly).That().ResideInNamespace($"{features}.{capability}")
                .Should().NotHaveDependencyOnAny([.. othersInternals.Select(n => n.TrimEnd('.'))]).GetResult();
            leaks.AddRange(Names(result).Where(t => !exempt.Contains(t)));
        }

        return [.. leaks.Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Types of <paramref name="layers"/> that use any capability: the kernel, domain and data know none.</summary>
    public static IReadOnlyList<string> LayersUsingCapabilities(Assembly assembly, IReadOnlyCollection<string> layers, string features, IReadOnlyCollection<string> exempt)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(layers);
        var capabilities = assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(features + ".", StringComparison.Ordinal)).Distinct().ToArray();
        var result = Types.InAssembly(assembly).That().ResideInNamespace(layers.First());
        foreach (var layer in layers.Skip(1))
        {
            result = result.Or().ResideInNamespace(layer);
        }

        var failing = Names(result.Should().NotHaveDependencyOnAny(capabilities).GetResult());
        return [.. failing.Where(t => !exempt.Any(e => t.StartsWith(e, StringComparison.Ordinal))).Order(StringComparer.Ordinal)];
    }

    /// <summary>The failing types by name; compiler-generated ones (closures, state machines) count as the type that made them.</summary>
    private static IEnumerable<string> Names(TestResult result) =>
        (result.FailingTypes ?? []).Select(t => t.FullName.Split('/')[0].Split('<')[0].TrimEnd('+')).Where(t => t.Length > 0).Distinct();

    private static string Capability(string ns, string features) => ns[(features.Length + 1)..].Split('.')[0];

    /// <summary>A status compared with <c>==</c>, <c>!=</c> or a pattern: a rule that belongs in Domain/ as a named expression.</summary>
    public static int StatusComparisons(string source) => StatusComparison().Count(source ?? "");

    /// <summary>A role read directly (<c>IsInRole</c>, <c>RequireRole</c>, <c>[Authorize(Roles = …)]</c>): only Security/ does.</summary>
    public static int RoleChecks(string source) => RoleCheck().Count(source ?? "");

    /// <summary>The signed-in user's id read from the claims: only <c>Actor.From</c> and the security plumbing do.</summary>
    public static int UserIdReads(string source) => UserIdRead().Count(source ?? "");

    /// <summary>The machine's clock read directly: everything else asks <c>TimeProvider</c>, which tests control.</summary>
    public static int ClockReads(string source) => ClockRead().Count(source ?? "");

    /// <summary>
    /// Methods, constructors and operators longer than <paramref name="maxLines"/>, counted from the signature (after
    /// any attributes and comments) to the last line of the body, as "Name: N lines".
    /// </summary>
    public static IReadOnlyList<string> LongMethods(string source, int maxLines)
    {
        var root = CSharpSyntaxTree.ParseText(source ?? "").GetRoot();
        return [.. root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>()
            .Select(m => (Name: Name(m), Lines: Lines(m)))
            .Where(m => m.Lines > maxLines)
            .Select(m => $"{m.Name}: {m.Lines} lines")];
    }

    private static string Name(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text,
        _ => method.Kind().ToString(),
    };

    private static int Lines(BaseMethodDeclarationSyntax method)
    {
        var first = method.AttributeLists.Count > 0 ? method.AttributeLists[^1].GetLastToken().GetNextToken() : method.GetFirstToken();
        var text = method.SyntaxTree.GetText();
        return text.Lines.GetLineFromPosition(method.Span.End).LineNumber - text.Lines.GetLineFromPosition(first.SpanStart).LineNumber + 1;
    }

    /// <summary>
    /// Files whose count of status comparisons is not the baseline's: above it (a comparison added outside Domain/)
    /// or below it (one moved into Domain/: lower the baseline so it cannot come back).
    /// </summary>
    public static IReadOnlyList<string> AgainstBaseline(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, int> baseline)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(baseline);
        var differences = new List<string>();
        foreach (var file in counts.Keys.Union(baseline.Keys).Order(StringComparer.Ordinal))
        {
            var now = counts.GetValueOrDefault(file);
            var allowed = baseline.GetValueOrDefault(file);
            if (now > allowed)
            {
                differences.Add($"{file}: {now} status comparisons, {allowed} allowed. Name the rule in Domain/ as an expression and use it.");
            }
            else if (now < allowed)
            {
                differences.Add($"{file}: {now} status comparisons, the baseline still allows {allowed}. Lower it in Architecture/status-comparisons.txt.");
            }
        }

        return differences;
    }

    [GeneratedRegex(@"\b[A-Z]\w*Status\.[A-Z]\w*\s*(?:==|!=)|(?:==|!=)\s*(?:[A-Z]\w*)?Status\.[A-Z]\w*|\bStatus\s*(?:==|!=)|\bStatus\s+is\b|\bStatus:\s*(?:not\s+)?[A-Z]\w*Status\.", RegexOptions.CultureInvariant)]
    private static partial Regex StatusComparison();

    [GeneratedRegex(@"\bIsInRole(?:Async)?\(|\bRequireRole\(|\bAuthorize\s*\(\s*Roles\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex RoleCheck();

    [GeneratedRegex(@"\bFindFirst(?:Value)?\(\s*ClaimTypes\.NameIdentifier\s*\)|\bGetUserId\(", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdRead();

    [GeneratedRegex(@"\bDateTime(?:Offset)?\.(?:UtcNow|Now|Today)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClockRead();
}
