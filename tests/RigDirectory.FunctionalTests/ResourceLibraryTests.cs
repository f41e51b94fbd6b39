using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Admins publish toolkits and guides in Markdown that cannot run anything; readers see what their audience allows.</summary>
public sealed class ResourceLibraryTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task Publish_PreviewSavesNothing_ThenReadersFindItBySearchTagAndKind()
    {
        using var admin = factory.CreateClientAs("resources-admin", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();
        var fields = Fields("Running a suturing and imaging night", "Everyone", "Toolkit", "workshop, Suturing Night");

        using var previewed = await admin.SubmitFormAsync("/admin/resources/new", "#resource-form", With(fields, "preview"));
        var preview = await HtmlForms.ParseAsync(previewed);
        var savedByPreview = await factory.WithDbAsync(db => db.Resources.AnyAsync(r => r.Title == "Running a suturing and imaging night"));
        await admin.SubmitFormAsync("/admin/resources/new", "#resource-form", With(fields, "save")).AcceptedAsync();
        var bySearch = await anonymous.GetDocumentAsync("/resources?q=suturing");
        var byTag = await anonymous.GetDocumentAsync("/resources?tag=suturing-night");
        var byOtherKind = await anonymous.GetDocumentAsync("/resources?q=suturing&kind=Guide");

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains("Plan the stations", preview.QuerySelector("#resource-preview h2")!.TextContent, StringComparison.Ordinal);
        Assert.False(savedByPreview);
        Assert.Contains("Running a suturing and imaging night", bySearch.QuerySelector("#resources")!.TextContent, StringComparison.Ordinal);
        Assert.Single(byTag.QuerySelectorAll("#resources > li"));
        Assert.NotNull(byOtherKind.QuerySelector("#no-resources"));
        Assert.Equal("workshop; suturing-night", await factory.WithDbAsync(db => db.Resources.Where(r => r.Title == "Running a suturing and imaging night").Select(r => r.Tags).SingleAsync()));
    }

    [Fact]
    public async Task Markdown_ThatTriesScriptHandlersOrJavascriptLinks_RendersInert()
    {
        var slug = await PublishAsync("Sneaky toolkit", """
            # Heading
            <script>alert('x')</script>
            <img src="x" onerror="alert('y')">
            [click me](javascript:alert('z'))
            [ACR](https://www.acr.org/) and [write to us](mailto:mss@example.org)
            """);
        using var anonymous = factory.CreateNonRedirectingClient();

        var page = await anonymous.GetDocumentAsync($"/resources/{slug}");
        var body = page.QuerySelector("#resource-body")!;

        Assert.Null(body.QuerySelector("script"));
        Assert.Null(body.QuerySelector("img"));
        Assert.Empty(body.QuerySelectorAll("[onerror], [onclick]"));
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('x')</script>", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("noopener noreferrer nofollow", body.QuerySelector("a[href='https://www.acr.org/']")!.GetAttribute("rel"));
        Assert.NotNull(body.QuerySelector("a[href='mailto:mss@example.org']"));
    }

    [Fact]
    public async Task Audience_VisitorsAreAskedToSignIn_StudentsSeeSignedInOnes_OnlyLeadersSeeLeadersOnes()
    {
        var forSignedIn = await PublishAsync("Sponsor conversation guide", "Talk to your sponsor.", "SignedIn");
        var forLeaders = await PublishAsync("Treasurer's budget template", "Track spending.", "RigLeaders");
        using var anonymous = factory.CreateNonRedirectingClient();
        var (student, _) = await TestHosts.StudentAsync(factory, "library.student");
        var (_, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, "yale-som");

        using var visitorSignedIn = await anonymous.GetAsync($"/resources/{forSignedIn}");
        var visitorList = await anonymous.GetStringAsync("/resources");
        using var studentSignedIn = await student.GetAsync($"/resources/{forSignedIn}");
        using var studentLeaders = await student.GetAsync($"/resources/{forLeaders}");
        var studentList = await student.GetStringAsync("/resources");
        using var leaderLeaders = await leader.GetAsync($"/resources/{forLeaders}");
        var leadersOnly = await leader.GetDocumentAsync("/resources?audience=RigLeaders");
        var studentChoices = await student.GetDocumentAsync("/resources?audience=RigLeaders");

        Assert.Equal(HttpStatusCode.Redirect, visitorSignedIn.StatusCode);
        Assert.Contains("/Identity/Account/Login", visitorSignedIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sponsor conversation guide", visitorList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, studentSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, studentLeaders.StatusCode);
        Assert.DoesNotContain("Treasurer", studentList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, leaderLeaders.StatusCode);

        // Filtering by audience: a leader finds the leaders-only ones alone; a student is never offered them.
        var titles = leadersOnly.QuerySelectorAll("main h2 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Treasurer's budget template", titles);
        Assert.DoesNotContain("Sponsor conversation guide", titles);
        Assert.Null(studentChoices.QuerySelector("#audience option[value='RigLeaders']"));
        Assert.DoesNotContain("Treasurer", studentChoices.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_KeepsThePreviousTextAsARevision_AndAnEditFromAStalePageIsRefused()
    {
        var slug = await PublishAsync("Mentor matching guide", "The first text of the guide.");
        using var admin = factory.CreateClientAs("resources-admin", Roles.AcrAdmin);
        var stale = await admin.GetDocumentAsync($"/admin/resources/{slug}");

        await admin.SubmitFormAsync($"/admin/resources/{slug}", "#resource-form", new Dictionary<string, string> { ["Input.Body"] = "The second text of the guide.", ["submit"] = "save" }).AcceptedAsync();
        await admin.SubmitFormAsync(stale, "#resource-form", new Dictionary<string, string> { ["Input.Body"] = "A stale third text.", ["submit"] = "save" }).AcceptedAsync();
        var revisions = await admin.GetDocumentAsync($"/admin/resources/{slug}/revisions");

        Assert.Equal("The second text of the guide.", await factory.WithDbAsync(db => db.Resources.Where(r => r.Slug == slug).Select(r => r.Body).SingleAsync()));
        Assert.Contains("The first text of the guide.", revisions.QuerySelector("#revision-1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(revisions.QuerySelector("#revision-2"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Resource" && a.Action == AuditAction.ResourceEdited)));
    }

    [Fact]
    public async Task TheStartPageAndEachWizardStep_LinkTheToolkitsTaggedForThem()
    {
        await PublishAsync("Start here: the four steps", "How registration works.", tags: "start-a-rig");
        await PublishAsync("Finding your faculty sponsor", "Whom to ask.", tags: "sponsors");
        using var anonymous = factory.CreateNonRedirectingClient();
        var (student, _) = await TestHosts.StudentAsync(factory, "wizard.reader");
        var id = await student.StartDraftAsync("uconn-som");

        var start = await anonymous.GetDocumentAsync("/start");
        var sponsors = await student.GetDocumentAsync($"/register/{id}/sponsors");

        Assert.Contains("Start here: the four steps", start.QuerySelector("#toolkits")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Finding your faculty sponsor", sponsors.QuerySelector("#toolkits")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Start here", sponsors.QuerySelector("#toolkits")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<string> PublishAsync(string title, string body, string audience = "Everyone", string tags = "test")
    {
        using var admin = factory.CreateClientAs("resources-admin", Roles.AcrAdmin);
        await admin.SubmitFormAsync("/admin/resources/new", "#resource-form", With(Fields(title, audience, "Guide", tags, body), "save")).AcceptedAsync();
        return await factory.WithDbAsync(db => db.Resources.Where(r => r.Title == title).Select(r => r.Slug).SingleAsync());
    }

    private static Dictionary<string, string> Fields(string title, string audience, string kind, string tags, string body = "## Plan the stations\nThree stations, two residents each.") => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = $"A short summary of {title}.",
        ["Input.Body"] = body,
        ["Input.Kind"] = kind == "Toolkit" ? "0" : "1",
        ["Input.Audience"] = audience switch { "SignedIn" => "1", "RigLeaders" => "2", _ => "0" },
        ["Input.Tags"] = tags,
    };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string submit) => new(fields) { ["submit"] = submit };
}
