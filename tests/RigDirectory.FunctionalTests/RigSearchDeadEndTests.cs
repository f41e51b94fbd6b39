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
