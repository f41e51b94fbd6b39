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
}
