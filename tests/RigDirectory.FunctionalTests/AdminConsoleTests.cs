using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// The admin console lands on what waits for a decision; beside it and every other admin page, its places grouped by
/// job with what waits, not a row of buttons.
/// </summary>
public sealed class AdminConsoleTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private static readonly string[] AdminPages = ["/admin", "/admin/reviews/mentors", "/admin/funding", "/admin/schools", "/admin/audit", "/admin/users"];

    [Fact]
    public async Task TheConsole_ListsWhatWaits_AndEveryAdminPage_HasTheSidebarGroupedByJob_WithCounts()
    {
        await factory.CreateSubmittedRigAsync("uams-com", "Waiting Little Rock RIG", factory.Clock.GetUtcNow().UtcDateTime);
        using var admin = factory.CreateClientAs("console-admin", Roles.AcrAdmin);

        var console = await admin.GetDocumentAsync("/admin");
        Assert.Contains(console.QuerySelectorAll("#todo a"), a => a.TextContent.EndsWith("to review", StringComparison.Ordinal) && a.GetAttribute("href") == "/admin/reviews");

        foreach (var path in AdminPages)
        {
            var page = await admin.GetDocumentAsync(path);
            var nav = page.QuerySelector("nav#admin-nav[aria-label='Admin console']");
            Assert.True(nav is not null, $"{path} has no admin sidebar.");
            Assert.Equal(["Review", "Directory data", "Programs", "People", "Records"], nav.QuerySelectorAll(".admin-nav-group").Select(h => h.TextContent).ToList());
            var links = nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(17, links.Count);
            Assert.Contains("/admin/audit", links);
            Assert.Contains("/admin/security-events", links);
            Assert.Contains(nav.QuerySelectorAll("li"), li => li.TextContent.Trim().StartsWith("Registrations", StringComparison.Ordinal) && li.QuerySelector(".badge")?.TextContent.StartsWith('1') == true);
            Assert.Empty(nav.QuerySelectorAll(".btn"));
            // The page it is on is marked: the longest place its path starts with.
            Assert.Equal(path, nav.QuerySelector("a[aria-current=page]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task PagesOutsideTheConsole_HaveNoAdminSidebar()
    {
        using var admin = factory.CreateClientAs("console-admin-elsewhere", Roles.AcrAdmin);
        using var student = factory.CreateClientAs("console-student", Roles.Student);

        Assert.Null((await admin.GetDocumentAsync("/rigs")).QuerySelector("#admin-nav"));
        Assert.Null((await student.GetDocumentAsync("/my/rigs")).QuerySelector("#admin-nav"));
    }
}
