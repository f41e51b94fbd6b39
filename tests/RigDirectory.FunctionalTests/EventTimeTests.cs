using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>What happens as time passes: each test moves its own clock (the clock only goes forward).</summary>
public sealed class EventRemindersTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private Task<int> CreateConferenceAsync(int seats) => EventsTests.CreateConferenceAsync(factory, seats);

    [Fact]
    public async Task Reminders_GoOnceADayBefore_WithTheJoinLink_OnlyToThoseWithASeat()
    {
        var id = await CreateConferenceAsync(seats: 1);
        var (_, seated) = await TestHosts.StudentAsync(factory, "reminded.student");
        var (_, waiting) = await TestHosts.StudentAsync(factory, "waiting.student");
        foreach (var user in new[] { seated, waiting })
        {
            await factory.CreateClientAs(user.Id, Roles.Student).SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        }

        Assert.Equal(0, await RemindAsync());
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());

        var emails = await factory.SentEmailsAsync();
        var reminder = Assert.Single(emails.Messages, m => IsReminderTo(m, seated.Email!));
        Assert.Contains("https://meet.example.org/acr-conference", reminder.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(emails.Messages, m => IsReminderTo(m, waiting.Email!));
    }

    private static bool IsReminderTo(MimeKit.MimeMessage message, string email) =>
        message.Subject?.StartsWith("Tomorrow:", StringComparison.Ordinal) == true && message.To.Mailboxes.Any(a => a.Address == email);

    private async Task<int> RemindAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventRegistrationLifecycle>().QueueRemindersAsync(CancellationToken.None);
    }
}

/// <summary>Registration closes on the server's clock, whatever the browser's page says.</summary>
public sealed class EventRegistrationWindowTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task Registration_ClosesWhenTheWindowDoes()
    {
        var id = await EventsTests.CreateConferenceAsync(factory, seats: 10);
        var (late, lateUser) = await TestHosts.StudentAsync(factory, "late.student");
        var page = await late.GetDocumentAsync($"/events/{id}");
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 23, 30, 0, TimeSpan.Zero));

        await late.SubmitFormAsync(page, "#register-form", new Dictionary<string, string>()).AcceptedAsync();

        Assert.Equal(0, await factory.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.UserId == lateUser.Id)));
        Assert.Contains("Registration is closed", (await late.GetDocumentAsync($"/events/{id}")).QuerySelector("#registration-closed")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>Attendance is marked once the event has started: its own clock, moved past the start.</summary>
public sealed class EventAttendanceTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task Hosts_MarkWhoCame_AfterTheStart_AndExportTheListWithFormulasDisarmed()
    {
        var (rigId, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, "duke-som");
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", EventsTests.Workshop(("Input.Title", "Attendance workshop"), ("Input.TimeZoneId", "America/New_York"))).AcceptedAsync();
        var id = await factory.WithDbAsync(db => db.Events.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        var (came, cameUser) = await TestHosts.StudentAsync(factory, "came.student");
        var (_, formulaUser) = await TestHosts.StudentAsync(factory, "formula.student");
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == formulaUser.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "=HYPERLINK(\"http://evil.example\")")));
        await came.SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        await factory.CreateClientAs(formulaUser.Id, Roles.Student).SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        var page = await leader.GetDocumentAsync($"/my/rigs/{rigId}/events/{id}/attendees");
        Assert.Null(page.QuerySelector("#attendance-form button[type=submit]"));

        var csv = await leader.GetStringAsync($"/my/rigs/{rigId}/events/{id}/attendees.csv");
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("came.student@example.org", csv, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(20));
        var registration = await factory.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == id && r.UserId == cameUser.Id).Select(r => r.Id).SingleAsync());
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/{id}/attendees", "#attendance-form", new Dictionary<string, string> { ["attended"] = registration.ToString(System.Globalization.CultureInfo.InvariantCulture) }).AcceptedAsync();

        var marked = await factory.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == id).ToDictionaryAsync(r => r.UserId, r => r.Attended));
        Assert.True(marked[cameUser.Id]);
        Assert.False(marked[formulaUser.Id]);
        Assert.Contains("came.student@example.org,Registered", (await leader.GetStringAsync($"/my/rigs/{rigId}/events/{id}/attendees.csv")).Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
