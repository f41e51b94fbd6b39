using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;

namespace RigDirectory.FunctionalTests;

public sealed class MentorQueryBudgetTests(TenMentorsFactory small, TenThousandMentorsFactory large)
    : IClassFixture<TenMentorsFactory>, IClassFixture<TenThousandMentorsFactory>
{
    [Theory]
    [InlineData("/mentors", 6)]
    [InlineData("/mentors?subspecialty=neuroradiology&offer=ResearchProjects&format=Virtual&region=us-region-1&page=2", 6)]
    [InlineData("/mentors?school=harvard-medical-school", 6)]
    [InlineData("/mentors?school=harvard-medical-school&within=250&room=false", 6)]
    [InlineData("/mentors?near=Boston&subspecialty=neuroradiology", 8)]
    [InlineData("/mentors/3", 4)]
    public async Task Finder_SendsAFixedNumberOfStatements_At10And10000Mentors(string url, int budget)
    {
        var atTen = await small.CountCommandsAsync(url);
        var atTenThousand = await large.CountCommandsAsync(url);

        Assert.Equal(atTen, atTenThousand);
        Assert.InRange(atTenThousand, 1, budget);
    }

    [Fact]
    public async Task Finder_PagesTwentyAtATime_NearestFirst()
    {
        using var client = large.CreateClientAs("paging-student", RigDirectory.Web.Security.Roles.Student);

        var page = await client.GetDocumentAsync("/mentors?school=harvard-medical-school&room=false");
        var second = await client.GetDocumentAsync("/mentors?school=harvard-medical-school&room=false&page=2");

        var miles = page.QuerySelectorAll("#mentors .mentor-distance").Concat(second.QuerySelectorAll("#mentors .mentor-distance"))
            .Select(m => m.TextContent.Split(' ')[0]).Select(m => m == "under" ? 0 : int.Parse(m, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(20, page.QuerySelectorAll("#mentors .mentor-card").Length);
        Assert.Contains("10000 mentors", page.QuerySelector("#mentor-results-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(40, miles.Count);
        Assert.Equal(miles.Order(), miles);
    }
}
