using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Stewardship;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// The directory keeps itself current on the app's clock: yearly verification reminders at 11 and 12 months with a
/// one-click link, "not verified since" at 13, the March succession reminder, and officers' terms ending on 1 July.
/// Each test has its own app, so that moving its clock moves nobody else's.
/// </summary>
public sealed class StewardshipTests
{
    private static readonly DateTime Start = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Verification_RemindsAt11And12MonthsOnce_SaysNotVerifiedAt13_AndTheLinkVerifiesOnce()
    {
        await using var factory = new FakeClockFactory();
        var (_, slug, _, leader) = await LedRigAsync(factory, "brown-alpert-ms", graduationYear: 2028, approved: Start.AddMonths(-10));
        using var anonymous = factory.CreateNonRedirectingClient();

        await RunAsync(factory);
        var atTenMonths = RemindersTo(await factory.SentEmailsAsync(), leader.Email!);
        factory.Clock.Advance(TimeSpan.FromDays(32));
        await RunAsync(factory);
        await RunAsync(factory);
        var atElevenMonths = RemindersTo(await factory.SentEmailsAsync(), leader.Email!);
        factory.Clock.Advance(TimeSpan.FromDays(31));
        await RunAsync(factory);
        var atTwelveMonths = RemindersTo(await factory.SentEmailsAsync(), leader.Email!);
        factory.Clock.Advance(TimeSpan.FromDays(31));
        await RunAsync(factory);
        await factory.EvictDirectoryAsync();
        var atThirteenMonths = await anonymous.GetDocumentAsync($"/rigs/{slug}");

        Assert.Empty(atTenMonths);
        Assert.Equal("Is RIG at brown-alpert-ms still active?", Assert.Single(atElevenMonths).Subject);
        Assert.Equal(2, atTwelveMonths.Count);
        Assert.StartsWith("Last reminder", atTwelveMonths[1].Subject, StringComparison.Ordinal);
        Assert.NotNull(atThirteenMonths.QuerySelector("#not-verified"));

        // The 12-month email's link still works at 13 months; opening it changes nothing, its button verifies.
        var link = PickupDirectoryEmailTransport.FirstLink(atTwelveMonths[1].HtmlBody!)!;
        var opened = await anonymous.GetDocumentAsync(link);
        var stillStale = await factory.WithDbAsync(db => db.Rigs.Where(r => r.Slug == slug).Select(r => r.LastVerifiedAt).SingleAsync());
        using var confirmed = await anonymous.SubmitFormAsync(opened, "main form", new Dictionary<string, string>());
        var thanked = await confirmed.Content.ReadAsStringAsync();
        var profile = await anonymous.GetDocumentAsync($"/rigs/{slug}");
        var reopened = await anonymous.GetDocumentAsync(link);
        var firstLinkPage = await anonymous.GetDocumentAsync(PickupDirectoryEmailTransport.FirstLink(atTwelveMonths[0].HtmlBody!)!);

        Assert.Null(stillStale);
        Assert.Contains("now shows as verified by its leaders today", thanked, StringComparison.Ordinal);
        Assert.Null(profile.QuerySelector("#not-verified"));
        Assert.Contains("Verified by its leaders on", profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already used", reopened.QuerySelector("#link-refused")!.TextContent, StringComparison.Ordinal);
        Assert.Null(reopened.QuerySelector("main form"));
        Assert.Contains("already used", firstLinkPage.QuerySelector("#link-refused")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Verified && a.UserDisplayName == "A leader, by the emailed link")));
    }

    [Fact]
    public async Task VerificationLink_After45Days_IsRefusedAndChangesNothing()
    {
        await using var factory = new FakeClockFactory();
        var (_, slug, _, leader) = await LedRigAsync(factory, "yale-som", graduationYear: 2028, approved: Start.AddMonths(-11).AddDays(-1));
        await RunAsync(factory);
        var link = PickupDirectoryEmailTransport.FirstLink(Assert.Single(RemindersTo(await factory.SentEmailsAsync(), leader.Email!)).HtmlBody!)!;
        factory.Clock.Advance(TimeSpan.FromDays(Stewardship.VerificationLinkDays + 1));
        using var anonymous = factory.CreateNonRedirectingClient();

        var page = await anonymous.GetDocumentAsync(link);

        Assert.Contains("expired", page.QuerySelector("#link-refused")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Null(await factory.WithDbAsync(db => db.Rigs.Where(r => r.Slug == slug).Select(r => r.LastVerifiedAt).SingleAsync()));
    }

    [Fact]
    public async Task Succession_InMarchRemindsLeadersWhoAllGraduateOnce_On1JulyTheirTermsEnd_AndTheRigIsUnclaimed()
    {
        await using var factory = new FakeClockFactory();
        var (id, slug, leaderClient, leader) = await LedRigAsync(factory, "uconn-som", graduationYear: 2027, approved: Start.AddMonths(-2));
        var (_, _, _, staying) = await LedRigAsync(factory, "tufts-som", graduationYear: 2028, approved: Start.AddMonths(-2));
        using var anonymous = factory.CreateNonRedirectingClient();

        await RunAsync(factory);
        var inNovember = Succession(await factory.SentEmailsAsync());
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await RunAsync(factory);
        await RunAsync(factory);
        var inMarch = Succession(await factory.SentEmailsAsync());
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 30, 23, 0, 0, TimeSpan.Zero));
        await RunAsync(factory);
        var leadsOn30June = (await leaderClient.GetAsync($"/my/rigs/{id}/edit")).StatusCode;
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 1, 0, 30, 0, TimeSpan.Zero));
        await RunAsync(factory);
        await factory.EvictDirectoryAsync();
        var profile = await anonymous.GetDocumentAsync($"/rigs/{slug}");
        var leadsOn1July = (await leaderClient.GetAsync($"/my/rigs/{id}/edit")).StatusCode;
        var emails = await factory.SentEmailsAsync();

        Assert.Empty(inNovember);
        Assert.Single(inMarch, m => m.To.Mailboxes.Single().Address == leader.Email);
        Assert.DoesNotContain(inMarch, m => m.To.Mailboxes.Single().Address == staying.Email);
        Assert.Equal(HttpStatusCode.OK, leadsOn30June);
        Assert.Equal(new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc), await factory.WithDbAsync(db => db.RigOfficers.Where(o => o.UserId == leader.Id).Select(o => o.EndedAt).SingleAsync()));
        Assert.Null(await factory.WithDbAsync(db => db.RigOfficers.Where(o => o.UserId == staying.Id).Select(o => o.EndedAt).SingleAsync()));
        Assert.Contains("Looking for new leaders — are you a student here?", profile.QuerySelector("#unclaimed")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, leadsOn1July);
        Assert.Contains("looking for new leaders", emails.LastTo($"sponsor.{slug}@hospital.example").Subject, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.RigId == id && a.Action == AuditAction.OfficerTermEnded && a.UserId == null)));
    }

    [Fact]
    public async Task TheWorker_OnItsOwnSchedule_SendsThe11MonthReminderWhenTheClockPassesIt()
    {
        await using var factory = new StewardshipWorkerFactory();
        var (_, _, _, leader) = await LedRigAsync(factory, "brown-alpert-ms", graduationYear: 2028, approved: Start.AddMonths(-11).AddDays(1));
        await Task.Delay(300);
        var beforeDue = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == leader.Email && m.Purpose == EmailPurpose.VerificationReminder));

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        var queued = 0;
        for (var i = 0; i < 100 && queued == 0; i++)
        {
            await Task.Delay(100);
            queued = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == leader.Email && m.Purpose == EmailPurpose.VerificationReminder));
        }

        Assert.Equal(0, beforeDue);
        Assert.Equal(1, queued);
    }

    [Fact]
    public Task Reminders_RunByTwoInstancesAtOnce_AreSentOnce() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        var leaders = new List<string>();
        foreach (var school in new[] { "brown-alpert-ms", "yale-som", "uconn-som" })
        {
            var (_, _, _, leader) = await LedRigAsync(first, school, graduationYear: 2028, approved: DateTime.UtcNow.AddMonths(-11).AddDays(-1));
            leaders.Add(leader.Email!);
        }

        await Task.WhenAll(RunAsync(first), RunAsync(second), RunAsync(first), RunAsync(second));

        var queued = await first.WithDbAsync(db => db.OutboxMessages.Where(m => m.Purpose == EmailPurpose.VerificationReminder).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(leaders.Order(), queued.Order());
        Assert.Equal(3, await first.WithDbAsync(db => db.RigVerificationLinks.CountAsync()));
    });

    internal static async Task RunAsync(RigDirectoryFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RigStewardship>().RunAsync(CancellationToken.None);
    }

    /// <summary>An approved RIG at <paramref name="school"/> with one officer of the class of <paramref name="graduationYear"/>.</summary>
    internal static async Task<(int Id, string Slug, HttpClient Leader, ApplicationUser User)> LedRigAsync(RigDirectoryFactory factory, string school, int graduationYear, DateTime approved)
    {
        var rig = await TestHosts.ApprovedRigAsync(factory, school);
        await factory.WithDbAsync(async db =>
        {
            await db.Rigs.Where(r => r.Id == rig.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ApprovedAt, approved));
            await db.RigOfficers.Where(o => o.RigId == rig.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.GraduationYear, graduationYear));
        });
        return rig;
    }

    private static List<MimeKit.MimeMessage> RemindersTo(CapturingEmailTransport emails, string to) =>
        [.. emails.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == to) && m.Subject!.Contains("still active", StringComparison.Ordinal))];

    private static List<MimeKit.MimeMessage> Succession(CapturingEmailTransport emails) =>
        [.. emails.Messages.Where(m => m.Subject!.StartsWith("Invite next year's leaders", StringComparison.Ordinal))];
}
