using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// Registrations and their approvals at the same moment, sent to two instances of the app on one database file (as
/// behind a load balancer), so that only the database keeps them apart.
/// </summary>
public sealed class RegistrationRaceTests
{
    private const string Password = "registration race password";

    [Fact]
    public Task TwentyStudentsAtOneSchool_MakeOneRig_AndNineteenAreToldTheSchoolIsTaken() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        const string school = "tufts-som";
        var students = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            var user = await first.CreateUserAsync($"race.school{i}@example.org", Password, emailConfirmed: true, Roles.Student);
            students.Add((i % 2 == 0 ? first : second).CreateClientAs(user.Id, Roles.Student));
        }

        // Starting at the same moment: every student gets a draft of their own (a draft holds no school), none a 500.
        var starts = await Task.WhenAll(students.Select(s => s.GetDocumentAsync($"/register?school={school}")));
        var ids = await Task.WhenAll(students.Select((s, i) => Task.Run(async () =>
        {
            using var started = await s.SubmitFormAsync(starts[i], "form[action='/register'][method=post]", new Dictionary<string, string> { ["school"] = school });
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            return int.Parse(started.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        })));
        Assert.Equal(20, ids.Distinct().Count());
        for (var i = 0; i < 20; i++)
        {
            await students[i].CompleteDraftAsync(ids[i]);
        }

        var reviews = await Task.WhenAll(students.Select((s, i) => s.GetDocumentAsync($"/register/{ids[i]}/review")));
        var submitted = await Task.WhenAll(students.Select((s, i) => Task.Run(async () =>
        {
            using var response = await s.SubmitFormAsync(reviews[i], $"form[action='/register/{ids[i]}/submit']", new Dictionary<string, string>());
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));

        Assert.Single(submitted, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = submitted.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(19, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("already has a RIG", WebUtility.HtmlDecode(r.Body), StringComparison.Ordinal);
        });
        var statuses = await first.WithDbAsync(db => db.Rigs.Where(r => ids.Contains(r.Id)).Select(r => r.Status).ToListAsync());
        Assert.Equal(1, statuses.Count(s => s == RigStatus.Submitted));
        Assert.Equal(19, statuses.Count(s => s == RigStatus.Draft));
    });

    [Fact]
    public Task TwoAdmins_ApprovingTwoRegistrationsOfOneStudent_BothSucceed() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        string[][] schools = [["ucsf-som", "stanford-som"], ["washu-som", "mayo-clinic-alix-som-rochester"], ["baylor-com", "uthealth-mcgovern-ms"]];
        var pairs = new List<(string Leader, int A, int B)>();
        foreach (var (pair, i) in schools.Select((p, i) => (p, i)))
        {
            var leader = await first.CreateUserAsync($"two.approvals{i}@example.org", Password, emailConfirmed: true, Roles.Student);
            pairs.Add((leader.Id, await SubmittedAsync(first, pair[0], leader.Id), await SubmittedAsync(first, pair[1], leader.Id)));
        }

        using var one = first.CreateClientAs("race-admin-1", Roles.AcrAdmin);
        using var two = second.CreateClientAs("race-admin-2", Roles.AcrAdmin);
        // One page at a time per admin, as each admin's antiforgery cookie is set by their first page.
        var pages = new List<AngleSharp.Dom.IDocument>();
        foreach (var (_, a, b) in pairs)
        {
            pages.Add(await one.GetDocumentAsync($"/admin/reviews/{a}"));
            pages.Add(await two.GetDocumentAsync($"/admin/reviews/{b}"));
        }

        var results = await Task.WhenAll(pairs.SelectMany((p, i) => new[]
        {
            Task.Run(() => one.SubmitFormAsync(pages[2 * i], "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" })),
            Task.Run(() => two.SubmitFormAsync(pages[(2 * i) + 1], "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" })),
        }));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var ids = pairs.SelectMany(p => new[] { p.A, p.B }).ToList();
        Assert.All(await first.WithDbAsync(db => db.Rigs.Where(r => ids.Contains(r.Id)).Select(r => r.Status).ToListAsync()), s => Assert.Equal(RigStatus.Approved, s));
        var leaders = pairs.Select(p => p.Leader).ToList();
        var grants = await first.WithDbAsync(db => db.UserRoles.Where(ur => leaders.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync());
        Assert.All(leaders, l => Assert.Single(grants, g => g.UserId == l && g.Name == Roles.RigLeader));
        foreach (var result in results)
        {
            result.Dispose();
        }
    });

    private static Task<int> SubmittedAsync(InstanceFactory factory, string schoolSlug, string leaderId) => factory.WithDbAsync(async db =>
    {
        var at = factory.Clock.GetUtcNow().UtcDateTime;
        var rig = await TestRigs.MakeAsync(db, $"{schoolSlug}-rig", $"Race RIG at {schoolSlug}", schoolSlug, RigStatus.Submitted, r =>
        {
            r.Description = "Talks and workshops for every year.";
            r.ContactEmail = $"{schoolSlug}@example.org";
            r.SubmittedAt = at;
            r.CreatedByUserId = leaderId;
            r.RegistrationStep = RegistrationStep.Review;
            r.Officers.Add(new RigOfficer { UserId = leaderId, Position = "President", GraduationYear = at.Year + 2 });
            r.Events.Add(TestEvents.Make("Kick-off", at.AddDays(30)));
        });
        db.Rigs.Add(rig);
        await db.SaveChangesAsync();
        return rig.Id;
    });
}
