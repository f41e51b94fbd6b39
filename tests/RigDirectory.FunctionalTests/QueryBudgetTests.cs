using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.FunctionalTests;

public sealed class QueryBudgetTests(SmallDirectoryFactory small, LargeDirectoryFactory large)
    : IClassFixture<SmallDirectoryFactory>, IClassFixture<LargeDirectoryFactory>
{
    [Theory]
    [InlineData("/", 3)]
    [InlineData("/rigs", 3)]
    [InlineData("/rigs?q=bulk&region=us-region-1&activity=Talks&sort=School&page=2", 3)]
    [InlineData("/rigs/bulk-rig-00003", 6)]
    [InlineData("/regions/us-region-1", 4)]
    [InlineData("/schools/harvard-medical-school", 3)]
    [InlineData("/api/rigs?country=US", 3)]
    [InlineData("/api/regions", 3)]
    [InlineData("/events", 3)]
    [InlineData("/events?region=us-region-1&online=true&type=Talk&from=2026-01-01&to=2040-01-01", 3)]
    [InlineData("/events?school=harvard-medical-school&miles=250", 4)]
    [InlineData("/events/1", 3)]
    [InlineData("/events/1/calendar.ics", 1)]
    [InlineData("/events/acr.ics", 1)]
    [InlineData("/rigs/bulk-rig-00003/events.ics", 2)]
    [InlineData("/regions/us-region-1/events.ics", 3)]
    public async Task Page_SendsAFixedNumberOfStatements_AtAnySize(string url, int budget)
    {
        var atTen = await small.CountCommandsAsync(url);
        var atThousand = await large.CountCommandsAsync(url);

        Assert.Equal(atTen, atThousand);
        Assert.InRange(atThousand, 1, budget);
    }

    [Fact]
    public async Task CoverageConsole_SendsElevenStatements_AtTenAndAThousandRigs()
    {
        var counts = new List<int>();
        foreach (SizedDirectoryFactory factory in new SizedDirectoryFactory[] { small, large })
        {
            using var admin = factory.CreateClientAs("budget-admin", Web.Security.Roles.AcrAdmin);
            factory.Commands.Reset();
            using var response = await admin.GetAsync("/admin/coverage");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counts.Add(factory.Commands.Count);
        }

        // Today's figures (regions, then one grouped pass each over schools, RIGs, officers, mentors and events), the
        // monthly history, the RIGs not verified for 13 months, the map (each state's region, each school's freshness),
        // and what waits, for the console's sidebar.
        Assert.Equal(counts[0], counts[1]);
        Assert.Equal(11, counts[1]);
    }

    [Fact]
    public async Task List_Paging_ShowsTwentyAtATimeAcrossAThousandRigs()
    {
        using var client = large.CreateNonRedirectingClient();

        var first = await client.GetDocumentAsync("/rigs");
        var second = await client.GetDocumentAsync("/rigs?page=2");

        var firstNames = first.QuerySelectorAll(".rig-results h2 a").Select(a => a.TextContent).ToList();
        var secondNames = second.QuerySelectorAll(".rig-results h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(20, firstNames.Count);
        Assert.Equal(20, secondNames.Count);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.Equal("Bulk RIG 00020", secondNames[0]);
        Assert.Contains("Showing 21–40 of 1000 RIGs", second.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(second.QuerySelector("a[rel=prev][href='/rigs']"));
        Assert.NotNull(second.QuerySelector("a[rel=next][href='/rigs?page=3']"));
    }

    [Fact]
    public async Task List_PagingLinks_KeepEveryFilter()
    {
        using var client = large.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs?q=bulk&country=US&activity=Talks&sort=School");

        var next = page.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=bulk", next, StringComparison.Ordinal);
        Assert.Contains("country=US", next, StringComparison.Ordinal);
        Assert.Contains("=Talks", next, StringComparison.Ordinal);
        Assert.Contains("sort=School", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(20, second.QuerySelectorAll(".rig-results h2 a").Length);
    }
}
