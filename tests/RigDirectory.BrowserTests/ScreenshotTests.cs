using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;

namespace RigDirectory.BrowserTests;

/// <summary>
/// The pages people use most, on a phone (375 px) and a desktop, captured for a person to look at after the run
/// (TestResults/screenshots at the repository root, or SCREENSHOTS_DIR) and checked by axe-core on each size.
/// </summary>
public sealed class ScreenshotTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static readonly (string Name, int Width, int Height)[] Sizes = [("phone", 375, 740), ("desktop", 1280, 900)];

    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return Path.Combine(SourceTree.Root(), "TestResults", "screenshots");
    }

    [Fact]
    public async Task KeyPages_OnAPhoneAndADesktop_AreCaptured_AndHaveNoSeriousOrCriticalViolations()
    {
        var folder = Folder();
        Directory.CreateDirectory(folder);
        var profile = await app.WithDbAsync(db => db.Rigs.Where(r => r.Status == RigStatus.Approved).OrderBy(r => r.Slug).Select(r => r.Slug).FirstAsync());
        await app.CreateUserAsync("screenshot.student@example.org", "screenshot student password");
        var student = await app.SignedInPageAsync("screenshot.student@example.org", "screenshot student password");
        await student.GotoAsync("/register?q=University");
        await student.Locator("#school-results input:not([disabled])").First.CheckAsync();
        await student.GetByRole(AriaRole.Button, new() { Name = "Start the registration" }).ClickAsync();
        var wizardStep = new Uri(student.Url).PathAndQuery;
        var admin = await app.AdminPageAsync();
        var anonymous = await app.NewPageAsync();

        (string Name, IPage Page, string Url)[] pages =
        [
            ("home", anonymous, "/"),
            ("rigs", anonymous, "/rigs"),
            ("profile", anonymous, $"/rigs/{profile}"),
            ("school", anonymous, "/schools/harvard-medical-school"),
            ("region", anonymous, "/regions/us-region-7"),
            ("wizard-sponsors", student, wizardStep),
            ("review-desk", admin, "/admin/reviews"),
        ];
        var violations = new List<string>();
        foreach (var (size, width, height) in Sizes)
        {
            foreach (var (name, page, url) in pages)
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync(url);
                var file = Path.Combine(folder, $"{name}-{size}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 5_000, $"{file} looks empty");
                var results = await page.AxeViolationsAsync();
                violations.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{name} ({size}): {v.Id} — {v.Help} — {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}"));
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
