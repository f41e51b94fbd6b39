using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// Registrations for the last seat at the same moment, sent to two instances of the app on one database file (as
/// behind a load balancer), so that only the event's version keeps them apart.
/// </summary>
public sealed class EventRaceTests
{
    [Fact]
    public Task ManyStudentsAtOnce_ForTheLastSeat_ExactlyOneGetsIt_TheOthersWait() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        var eventId = await first.WithDbAsync(async db =>
        {
            var e = TestEvents.Make("The last seat", first.Clock.GetUtcNow().UtcDateTime.AddDays(10), EventFormat.Virtual);
            e.Capacity = 1;
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var students = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            var user = await first.CreateUserAsync($"race.seat{i}@example.org", "race seat password", emailConfirmed: true, Roles.Student);
            students.Add((i % 2 == 0 ? first : second).CreateClientAs(user.Id, Roles.Student));
        }

        var pages = await Task.WhenAll(students.Select(s => s.GetDocumentAsync($"/events/{eventId}")));

        var responses = await Task.WhenAll(students.Select((s, i) => Task.Run(() => s.SubmitFormAsync(pages[i], "#register-form", new Dictionary<string, string>()))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await first.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == eventId).Select(r => r.Status).ToListAsync());
        Assert.Equal(8, statuses.Count);
        Assert.Equal(1, statuses.Count(s => s == RegistrationStatus.Registered));
        Assert.Equal(7, statuses.Count(s => s == RegistrationStatus.Waitlisted));
        Assert.Equal(1, await first.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.SeatsTaken).SingleAsync()));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    });
    [Fact]
    public Task FiftyCancellationsRegistrationsAndDepartures_OnASixSeatEvent_LeaveTheCountEqualToTheSeats_AndNoFreeSeatWithAWaitlist() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        var now = first.Clock.GetUtcNow().UtcDateTime;
        var seated = new List<string>();
        var waiting = new List<string>();
        var newcomers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            seated.Add((await first.CreateUserAsync($"seats.seated{i}@example.org", "seat race password", emailConfirmed: true, Roles.Student)).Id);
        }

        for (var i = 0; i < 14; i++)
        {
            waiting.Add((await first.CreateUserAsync($"seats.waiting{i}@example.org", "seat race password", emailConfirmed: true, Roles.Student)).Id);
        }

        for (var i = 0; i < 37; i++)
        {
            newcomers.Add((await first.CreateUserAsync($"seats.new{i}@example.org", "seat race password", emailConfirmed: true, Roles.Student)).Id);
        }

        var eventId = await first.WithDbAsync(async db =>
        {
            var e = TestEvents.Make("Six seats", now.AddDays(10), EventFormat.Virtual);
            e.Capacity = 6;
            e.SeatsTaken = 6;
            db.Events.Add(e);
            await db.SaveChangesAsync();
            db.EventRegistrations.AddRange(seated.Select(u => new EventRegistration { EventId = e.Id, UserId = u, Status = RegistrationStatus.Registered, RegisteredAt = now.AddHours(-2), UpdatedAt = now }));
            db.EventRegistrations.AddRange(waiting.Select((u, i) => new EventRegistration { EventId = e.Id, UserId = u, Status = RegistrationStatus.Waitlisted, RegisteredAt = now.AddHours(-1).AddMinutes(i), UpdatedAt = now }));
            await db.SaveChangesAsync();
            return e.Id;
        });

        // Every seated student gives up their seat, every other waiting student leaves the waitlist, and 37 newcomers
        // register, all at once, half on each instance: 50 changes to one event's seats and waitlist.
        var leaving = waiting.Where((_, i) => i % 2 == 1).ToList();
        var moves = seated.Select(u => (User: u, Form: "form[action$='/cancel-registration']"))
            .Concat(leaving.Select(u => (User: u, Form: "form[action$='/cancel-registration']")))
            .Concat(newcomers.Select(u => (User: u, Form: "#register-form")))
            .OrderBy(m => m.User, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(50, moves.Count);
        var clients = moves.Select((m, i) => (i % 2 == 0 ? first : second).CreateClientAs(m.User, Roles.Student)).ToList();
        var pages = await Task.WhenAll(clients.Select(c => c.GetDocumentAsync($"/events/{eventId}")));

        var responses = await Task.WhenAll(moves.Select((m, i) => Task.Run(() => clients[i].SubmitFormAsync(pages[i], m.Form, new Dictionary<string, string>()))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (seatsTaken, rows) = await first.WithDbAsync(async db => (
            await db.Events.Where(e => e.Id == eventId).Select(e => e.SeatsTaken).SingleAsync(),
            await db.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Select(r => new { r.UserId, r.Status }).ToListAsync()));
        var status = rows.ToDictionary(r => r.UserId, r => r.Status);
        Assert.All(seated.Concat(leaving), u => Assert.Equal(RegistrationStatus.Cancelled, status[u]));
        Assert.All(newcomers, u => Assert.NotEqual(RegistrationStatus.Cancelled, status[u]));
        var seats = rows.Count(r => r.Status == RegistrationStatus.Registered);
        Assert.Equal(seats, seatsTaken);
        Assert.Equal(6, seats);
        // The waitlist was served in its order: of those who stayed on it, the earlier ones got the seats.
        var stayed = waiting.Except(leaving).Select(u => status[u]).ToList();
        Assert.Equal(stayed.OrderBy(s => s == RegistrationStatus.Registered ? 0 : 1).ToList(), stayed);
        Assert.All(stayed.Take(Math.Min(stayed.Count, 6)), s => Assert.Equal(RegistrationStatus.Registered, s));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    });
}
