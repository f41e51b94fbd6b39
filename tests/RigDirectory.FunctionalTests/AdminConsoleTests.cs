using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>The admin console lands on what waits for a decision, then its places grouped by job, not a row of buttons.</summary>
public sealed class AdminConsoleTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task TheConsole_ListsWhatWaits_WithCounts_AndEveryPlaceGroupedByJob()
    {
        await factory.CreateSubmittedRigAsync("uams-com", "Waiting Little Rock RIG", factory.Clock.GetUtcNow().UtcDateTime);
        using var admin = factory.CreateClientAs("console-admin", Roles.AcrAdmin);

        var page = await admin.GetDocumentAsync("/admin");

        Assert.Contains(page.QuerySelectorAll("#todo a"), a => a.TextContent.EndsWith("to review", StringComparison.Ordinal) && a.GetAttribute("href") == "/admin/reviews");
        Assert.Equal(["Review", "Directory data", "Programs", "People", "Records"], page.QuerySelectorAll("#admin-sections h2").Select(h => h.TextContent).ToList());
        var links = page.QuerySelectorAll("#admin-sections a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(16, links.Count);
        Assert.Contains("/admin/audit", links);
        Assert.Contains("/admin/security-events", links);
        Assert.Contains(page.QuerySelectorAll("#admin-sections li"), li => li.TextContent.StartsWith("Registrations", StringComparison.Ordinal) && li.QuerySelector(".badge") is not null);
        Assert.Empty(page.QuerySelectorAll("#admin-sections .btn"));
    }
}
