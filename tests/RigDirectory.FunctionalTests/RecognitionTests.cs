using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Awards: defined by admins, nominated by leaders with the RIG's record beside the statement, won with a badge.</summary>
public sealed class RecognitionTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string Statement = "They ran twelve sessions this year, including an ultrasound workshop with the EM interest group.";

    [Fact]
    public async Task Leader_Nominates_AdminReadsTheRecord_ChoosesTheWinner_AndTheBadgeShowsOnTheProfileTheListAndTheAwardsPage()
    {
        var (rigId, slug, leader, user) = await TestHosts.ApprovedRigAsync(factory, "ucsf-som", "UCSF Radiology Society");
        var (_, _, runnerUp, _) = await TestHosts.ApprovedRigAsync(factory, "nyu-grossman-som", "NYU Radiology Club");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            await db.Rigs.Where(r => r.Id == rigId).ExecuteUpdateAsync(r => r.SetProperty(x => x.LastVerifiedAt, now.AddDays(-20)));
            db.Events.Add(TestEvents.Make("Interventional radiology night", now.AddDays(-40), rigId: rigId));
            await db.SaveChangesAsync();
        });
        using var admin = factory.CreateClientAs("awards-admin", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();

        await admin.SubmitFormAsync("/admin/awards", "#award-form", new Dictionary<string, string> { ["Input.Name"] = "Best outreach", ["Input.Year"] = "2026", ["Input.Criteria"] = "Sessions that bring radiology to students who rarely meet it." }).AcceptedAsync();
        var profile = await leader.GetDocumentAsync($"/rigs/{slug}");
        await leader.SubmitFormAsync(profile.QuerySelector("a[href^='/awards/nominate']")!.GetAttribute("href")!, "#nomination-form",
            new Dictionary<string, string> { ["Input.Award"] = "best-outreach-2026", ["Input.Statement"] = Statement }).AcceptedAsync();
        using var twice = await leader.SubmitFormAsync($"/awards/nominate?rig={slug}", "#nomination-form", new Dictionary<string, string> { ["Input.Award"] = "best-outreach-2026", ["Input.Statement"] = Statement });
        var nominationId = await factory.WithDbAsync(db => db.Nominations.Where(n => n.RigId == rigId).Select(n => n.Id).SingleAsync());
        var nomination = await admin.GetDocumentAsync($"/admin/awards/nominations/{nominationId}");
        await admin.SubmitFormAsync(nomination, "#winner-form", new Dictionary<string, string>()).AcceptedAsync();
        var won = await anonymous.GetDocumentAsync($"/rigs/{slug}");
        var list = await anonymous.GetDocumentAsync("/rigs?awarded=true");
        var awards = await anonymous.GetDocumentAsync("/awards");
        var email = (await factory.SentEmailsAsync()).LastTo(user.Email!);
        var late = await runnerUp.GetDocumentAsync("/awards/nominate?rig=nyu-grossman-som-rig");
        var (student, _) = await TestHosts.StudentAsync(factory, "award.student");
        var asStudent = await student.GetDocumentAsync($"/rigs/{slug}");
        await admin.SubmitFormAsync($"/admin/awards/nominations/{nominationId}", "#winner-form", new Dictionary<string, string>()).AcceptedAsync();
        var takenBack = await anonymous.GetDocumentAsync($"/rigs/{slug}");
        var noWinners = await anonymous.GetDocumentAsync("/rigs?awarded=true");

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already nominated", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Statement, nomination.QuerySelector("#statement")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", nomination.QuerySelector("#record-events")!.TextContent.Trim());
        Assert.Contains("Verified by its leaders", nomination.QuerySelector("#record-verification")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Best outreach 2026", won.QuerySelector("#awards")!.TextContent, StringComparison.Ordinal);
        var names = list.QuerySelectorAll(".rig-results h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["UCSF Radiology Society"], names);
        Assert.Contains("Best outreach 2026", list.QuerySelector(".award-badge")!.TextContent, StringComparison.Ordinal);
        // The trophy is drawn by the page (hidden from screen readers), never an emoji a computer may lack.
        Assert.NotNull(list.QuerySelector(".award-badge svg.award-icon[aria-hidden=true]"));
        Assert.NotNull(won.QuerySelector("#awards svg.award-icon"));
        Assert.DoesNotContain("\U0001F3C6", list.Body!.TextContent + won.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("UCSF Radiology Society", awards.QuerySelector("#award-best-outreach-2026")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Best outreach 2026", email.Subject, StringComparison.Ordinal);
        Assert.Null(late.QuerySelector("#nomination-form"));
        Assert.Contains("No award is open", late.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(asStudent.QuerySelector("a[href^='/awards/nominate']"));
        Assert.Null(takenBack.QuerySelector("#awards"));
        Assert.Empty(noWinners.QuerySelectorAll(".rig-results h2 a"));
    }
}
