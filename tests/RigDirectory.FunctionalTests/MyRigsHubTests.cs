using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;

namespace RigDirectory.FunctionalTests;

/// <summary>My RIGs is a leader's hub: for each RIG, what waits for its leaders and the way to each of its workspaces.</summary>
public sealed class MyRigsHubTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task ARigNotConfirmedForAYear_WithAFundedEventPast_ListsBothToDos_AndEveryWorkspace()
    {
        var (id, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, "uab-heersink-som", "Birmingham Radiology Interest Group");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var applicationId = await factory.WithDbAsync(async db =>
        {
            await db.Rigs.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ApprovedAt, now.AddMonths(-14)).SetProperty(x => x.LastVerifiedAt, (DateTime?)null));
            var workshop = TestEvents.Make("Ultrasound workshop", now.AddDays(-3), rigId: id);
            var upcoming = TestEvents.Make("Match panel", now.AddDays(10), rigId: id);
            var call = new FundingCall { Slug = "hub-call", Title = "Hands-on workshops", Funds = "ACR", MaxAward = 500, Budget = 5000, OpensAt = now.AddDays(-60), ClosesAt = now.AddDays(-30) };
            var application = new FundingApplication { Call = call, RigId = id, Event = workshop, Status = FundingStatus.Awarded, AmountAsked = 400, AmountAwarded = 400 };
            db.AddRange(workshop, upcoming, application);
            await db.SaveChangesAsync();
            return application.Id;
        });

        var page = await leader.GetDocumentAsync("/my/rigs");

        var card = page.QuerySelector($"article#my-rig-{id}")!;
        Assert.Equal("Birmingham Radiology Interest Group", card.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("2 things wait for you", card.QuerySelector("h3")!.TextContent.Trim());
        var todos = card.QuerySelectorAll(".rig-todos li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(todos, t => t.StartsWith("Confirm it is still active", StringComparison.Ordinal));
        Assert.Contains(card.QuerySelectorAll(".rig-todos a"), a => a.GetAttribute("href") == $"/funding/applications/{applicationId}/report");
        var links = card.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/my/rigs/{id}/edit", links);
        Assert.Contains($"/my/rigs/{id}/events", links);
        Assert.Contains($"/my/rigs/{id}/interested", links);
        Assert.Contains($"/my/rigs/{id}/mentors", links);
        Assert.Contains("/funding", links);
        Assert.Contains(card.QuerySelectorAll("a"), a => a.TextContent.Contains("(1 upcoming)", StringComparison.Ordinal));
        Assert.NotNull(card.QuerySelector($"form[action='/my/rigs/{id}/verify'] button.btn-warning"));

        // Confirmed, and the report filed: nothing waits.
        await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.LastVerifiedAt, now)));
        await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(a => a.SetProperty(x => x.ReportedAt, now)));
        var after = await leader.GetDocumentAsync("/my/rigs");
        Assert.Equal("Nothing waits for you", after.QuerySelector($"article#my-rig-{id} h3")!.TextContent.Trim());
        Assert.Null(after.QuerySelector($"article#my-rig-{id} .rig-todos"));
    }
}
