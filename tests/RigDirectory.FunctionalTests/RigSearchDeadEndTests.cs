using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;

namespace RigDirectory.FunctionalTests;

/// <summary>A search for a school that has no RIG says so, and how to start one there: it never ends at "No RIGs match".</summary>
public sealed class RigSearchDeadEndTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task SearchingASchoolWithNoRig_SaysItHasNone_AndLinksToStartingOneThere()
    {
        using var anonymous = factory.CreateNonRedirectingClient();

        var page = await anonymous.GetDocumentAsync("/rigs?q=UCSF");

        Assert.Contains("No RIGs match", page.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
        var named = page.QuerySelector("#named-schools li")!;
        Assert.Contains("University of California", named.TextContent, StringComparison.Ordinal);
        Assert.Contains("has no RIG yet", named.TextContent, StringComparison.Ordinal);
        Assert.Equal("/start?school=ucsf-som", named.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SearchingASchoolWhoseRigIsBeingSubmitted_SaysSoOnTheNextSearch_WithoutAStartLink()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        var before = await anonymous.GetDocumentAsync("/rigs?q=UC+San+Diego");
        var (client, _) = await TestHosts.StudentAsync(factory, "san.diego.starter");
        var id = await client.StartDraftAsync("uc-san-diego-som");
        await client.CompleteDraftAsync(id);
        await client.SubmitFormExpectingRedirectAsync($"/register/{id}/review", $"form[action='/register/{id}/submit']", new Dictionary<string, string>());

        var page = await anonymous.GetDocumentAsync("/rigs?q=UC+San+Diego");

        var named = page.QuerySelector("#named-schools li")!;
        Assert.Contains("being registered", named.TextContent, StringComparison.Ordinal);
        Assert.Null(named.QuerySelector("a[href^='/start']"));
        Assert.Contains("has no RIG yet", before.QuerySelector("#named-schools li")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"Radiology Interest Group {id}", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAbbreviationOfSeveralWords_FindsOnlyTheSchoolItNames_NotEverySchoolWithThoseLetters()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Rigs.Add(await TestRigs.MakeAsync(db, "toronto-rig", "Toronto Radiology Interest Group", "utoronto-temerty-fom-toronto", RigStatus.Approved));
            db.Rigs.Add(await TestRigs.MakeAsync(db, "tennessee-rig", "Tennessee Radiology Interest Group", "uthsc-com", RigStatus.Approved));
            await db.SaveChangesAsync();
            return 0;
        });
        await factory.EvictDirectoryAsync();
        using var anonymous = factory.CreateNonRedirectingClient();
        using var admin = factory.CreateClientAs("finder-admin", Web.Security.Roles.AcrAdmin);

        var rigs = await anonymous.GetDocumentAsync("/rigs?q=U+of+T");
        var oneWord = await anonymous.GetDocumentAsync("/rigs?q=Tennessee");
        var schools = await admin.GetDocumentAsync("/admin/schools?q=U+of+T");
        var abbreviation = await admin.GetDocumentAsync("/admin/schools?q=UCSF");
        var state = await admin.GetDocumentAsync("/admin/schools?q=TN");

        Assert.Equal(["Toronto Radiology Interest Group"], rigs.QuerySelectorAll(".rig-results h2 a").Select(a => a.TextContent.Trim()).Distinct());
        Assert.Contains("Tennessee Radiology Interest Group", oneWord.Body!.TextContent, StringComparison.Ordinal);
        var torontoCampuses = schools.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, torontoCampuses.Count);
        Assert.All(torontoCampuses, r => Assert.Contains("University of Toronto", r, StringComparison.Ordinal));
        Assert.Contains("University of California, San Francisco", abbreviation.QuerySelector("table tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(state.QuerySelectorAll("table tbody tr"), r => r.TextContent.Contains("University of Tennessee", StringComparison.Ordinal));
        Assert.All(state.QuerySelectorAll("table tbody tr"), r => Assert.Contains("Tennessee", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASearchThatNamesNoSchool_KeepsTheGeneralAnswer()
    {
        using var anonymous = factory.CreateNonRedirectingClient();

        using var response = await anonymous.GetAsync("/rigs?q=Qqxzvw");
        var page = await anonymous.GetDocumentAsync("/rigs?q=Qqxzvw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("#named-schools"));
        Assert.Contains("Start one here", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
