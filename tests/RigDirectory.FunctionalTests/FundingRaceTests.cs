using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// Funding writes at the same moment, sent to two instances of the app on one database file (as behind a load
/// balancer), so that only the unique index and the call's version keep them apart.
/// </summary>
public sealed class FundingRaceTests
{
    [Fact]
    public Task TwoCoLeaders_StartingTheApplicationAtOnce_MakeOneApplication() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        var call = await TestFunding.OpenCallAsync(first, "One per RIG", max: 500, budget: 2000);
        var (rigId, leader, user, eventId) = await TestFunding.RigWithEventAsync(first, "ucsf-som");
        using var coLeader = second.CreateClientAs(user.Id, Roles.RigLeader);
        var forms = new[] { await leader.GetDocumentAsync($"/funding/{call}/apply?rig={rigId}"), await coLeader.GetDocumentAsync($"/funding/{call}/apply?rig={rigId}") };

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? leader : coLeader).SubmitFormAsync(forms[i % 2], "#application-form", TestFunding.Draft(eventId, 300)))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await first.WithDbAsync(db => db.FundingApplications.CountAsync(a => a.RigId == rigId)));
    });

    [Fact]
    public Task TwoAdmins_AwardingTheLastDollarsAtOnce_OnlyOneAwardIsMade() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        var call = await TestFunding.OpenCallAsync(first, "Last dollars", max: 500, budget: 500);
        var (rigA, leaderA, _, eventA) = await TestFunding.RigWithEventAsync(first, "mayo-clinic-alix-som-rochester");
        var (rigB, leaderB, _, eventB) = await TestFunding.RigWithEventAsync(first, "washu-som");
        await leaderA.SubmitFormAsync($"/funding/{call}/apply?rig={rigA}", "#application-form", TestFunding.Submit(eventA, 400)).AcceptedAsync();
        await leaderB.SubmitFormAsync($"/funding/{call}/apply?rig={rigB}", "#application-form", TestFunding.Submit(eventB, 400)).AcceptedAsync();
        var ids = await first.WithDbAsync(db => db.FundingApplications.Where(x => x.RigId == rigA || x.RigId == rigB).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync());
        using var one = first.CreateClientAs("funding-admin-1", Roles.AcrAdmin);
        using var two = second.CreateClientAs("funding-admin-2", Roles.AcrAdmin);
        var pages = new[] { await one.GetDocumentAsync($"/admin/funding/applications/{ids[0]}"), await two.GetDocumentAsync($"/admin/funding/applications/{ids[1]}") };

        var results = await Task.WhenAll(
            Task.Run(() => one.SubmitFormAsync(pages[0], "#decision-form", TestFunding.Decide("Award", "400"))),
            Task.Run(() => two.SubmitFormAsync(pages[1], "#decision-form", TestFunding.Decide("Award", "400"))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await first.WithDbAsync(db => db.FundingApplications.Where(x => ids.Contains(x.Id)).Select(x => x.Status).ToListAsync());
        Assert.Single(statuses, s => s == FundingStatus.Awarded);
        Assert.Equal(400, await first.WithDbAsync(db => db.FundingCalls.Where(c => c.Slug == call).Select(c => c.Awarded).SingleAsync()));
    });
}
