using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;

namespace RigDirectory.BrowserTests;

/// <summary>
/// The product's shell for the role with the most to reach (an admin): on a laptop (1366 px) the whole header is on
/// screen, the account menu included; on a phone (375 px) it folds into one menu; the console's places wrap; and no
/// page of the shell scrolls sideways. Screenshots of each go to the test results.
/// </summary>
public sealed class ShellTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static readonly string[] Pages =
    [
        "/", "/rigs", "/events", "/mentors", "/resources", "/funding", "/awards", "/my/rigs", "/my/events",
        "/admin", "/admin/reviews", "/admin/funding", "/admin/events", "/admin/mentoring", "/admin/schools", "/admin/users", "/admin/audit", "/admin/coverage",
    ];

    [Fact]
    public async Task OnALaptopAndAPhone_TheHeaderAndTheConsoleFit_AndEveryWorkspaceIsReachable()
    {
        var folder = ScreenshotTests.Folder();
        Directory.CreateDirectory(folder);
        var admin = await app.AdminPageAsync();
        var overflowing = new List<string>();
        foreach (var (size, width) in new[] { ("laptop", 1366), ("phone", 375) })
        {
            await admin.SetViewportSizeAsync(width, 800);
            foreach (var path in Pages)
            {
                await admin.GotoAsync(path);
                if (!await admin.EvaluateAsync<bool>("document.scrollingElement.scrollWidth <= window.innerWidth"))
                {
                    overflowing.Add($"{path} at {width} px: {await admin.EvaluateAsync<int>("document.scrollingElement.scrollWidth")} px wide");
                }
            }

            await admin.GotoAsync("/admin");
            // The console's places: beside the page on a laptop, behind one button on a phone.
            var auditLog = admin.Locator("#admin-nav").GetByRole(AriaRole.Link, new() { Name = "Audit log" });
            if (width < 992)
            {
                await Assertions.Expect(auditLog).Not.ToBeVisibleAsync();
                await admin.GetByRole(AriaRole.Button, new() { Name = "Admin console menu" }).ClickAsync();
            }

            await Assertions.Expect(auditLog).ToBeInViewportAsync();
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"admin-console-{size}.png"), FullPage = true });
            var account = admin.Locator("#account-menu");
            if (width < 992)
            {
                await Assertions.Expect(account).Not.ToBeVisibleAsync();
                await admin.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true }).ClickAsync();
                // The menu slides open; a click on the account button while it still moves can land where it was.
                await Assertions.Expect(admin.Locator("#main-nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bshow\b"));
            }

            await Assertions.Expect(account).ToBeVisibleAsync();
            var box = await account.BoundingBoxAsync();
            Assert.True(box is not null && box.X + box.Width <= width, $"The account menu is off-screen at {width} px.");
            await account.ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Admin console" })).ToBeVisibleAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeInViewportAsync();
            await admin.Locator("header").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"header-open-{size}.png") });
        }

        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
    }

    [Fact]
    public async Task AToolkitsMarkdownTable_LooksLikeTheSitesTables_AndScrollsInItsOwnBoxOnAPhone()
    {
        await app.WithDbAsync(async db =>
        {
            db.Resources.Add(new RigDirectory.Web.Domain.Resource
            {
                Slug = "budget-template",
                Title = "A first-event budget",
                Summary = "What a first lunch talk costs.",
                Body = "| Item | Cost | Who pays | Notes on ordering and delivery for a room of forty students |\n|---|---|---|---|\n| Lunch for 40 | $400 | Workshop funding | Order two days ahead from the campus caterer, with vegetarian options |\n",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await app.NewPageAsync(375, 800);
        await page.GotoAsync("/resources/budget-template");

        var cell = page.Locator("#resource-body td").First;
        Assert.Equal("8px", await cell.EvaluateAsync<string>("c => getComputedStyle(c).paddingLeft"));
        Assert.Equal("1px", await cell.EvaluateAsync<string>("c => getComputedStyle(c).borderBottomWidth"));
        Assert.True(await page.EvaluateAsync<bool>("document.scrollingElement.scrollWidth <= window.innerWidth"), "The toolkit's table widens the page on a phone.");
    }
}
