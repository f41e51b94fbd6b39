using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// A student deletes their account on the personal-data page: it is one transaction with its entry in the security
/// log, the mentor's place and the event seat they held are given back, and the seat goes to the first student waiting.
/// </summary>
public sealed class AccountDeletionTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "account deletion password";

    [Fact]
    public async Task DeletingAnAccount_GivesBackItsSeatAndMenteePlace_AndIsInTheSecurityLog()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var leaving = await factory.CreateUserAsync("leaving.student@example.org", Password, emailConfirmed: true, Roles.Student);
        var waiting = await factory.CreateUserAsync("waiting.student@example.org", Password, emailConfirmed: true, Roles.Student);
        var mentorUser = await factory.CreateUserAsync("deletion.mentor@example.org", Password, emailConfirmed: true, Roles.Mentor);
        var mentorId = await TestMentors.AddAsync(factory, mentorUser);
        var eventId = await factory.WithDbAsync(async db =>
        {
            var e = TestEvents.Make("One seat, one leaving", now.AddDays(10), EventFormat.Virtual);
            e.Capacity = 1;
            e.SeatsTaken = 1;
            db.Events.Add(e);
            await db.SaveChangesAsync();
            db.EventRegistrations.Add(new EventRegistration { EventId = e.Id, UserId = leaving.Id, Status = RegistrationStatus.Registered, RegisteredAt = now.AddDays(-2), UpdatedAt = now });
            db.EventRegistrations.Add(new EventRegistration { EventId = e.Id, UserId = waiting.Id, Status = RegistrationStatus.Waitlisted, RegisteredAt = now.AddDays(-1), UpdatedAt = now });
            db.Mentorships.Add(new Mentorship
            {
                MentorId = mentorId,
                StudentUserId = leaving.Id,
                StudentSchoolId = await db.Schools.Select(s => s.Id).FirstAsync(),
                Message = "Could we talk about neuroradiology?",
                Status = MentorshipStatus.Accepted,
                CreatedAt = now.AddDays(-5),
                ExpiresAt = now.AddDays(9),
                AnsweredAt = now.AddDays(-4),
            });
            await db.MentorProfiles.Where(m => m.Id == mentorId).ExecuteUpdateAsync(set => set.SetProperty(m => m.ActiveMentees, 1));
            await db.SaveChangesAsync();
            return e.Id;
        });
        using var client = factory.CreateClientAs(leaving.Id, Roles.Student);

        using var response = await client.SubmitFormAsync("/Identity/Account/Manage/DeletePersonalData", "form#delete-user", new Dictionary<string, string> { ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == leaving.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.StudentUserId == leaving.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.Id == mentorId).Select(m => m.ActiveMentees).SingleAsync()));
        var seats = await factory.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == eventId).Select(r => new { r.UserId, r.Status }).ToListAsync());
        Assert.Equal(RegistrationStatus.Registered, Assert.Single(seats).Status);
        Assert.Equal(waiting.Id, seats[0].UserId);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.SeatsTaken).SingleAsync()));
        Assert.Contains("One seat, one leaving", (await factory.SentEmailsAsync()).LastTo(waiting.Email!).Subject, StringComparison.Ordinal);
        var logged = await factory.WithDbAsync(db => db.SecurityEvents.SingleAsync(e => e.UserId == leaving.Id && e.Kind == SecurityEventKind.AccountDeleted));
        Assert.Equal("gave back 1 event seat(s) and 1 mentee place(s)", logged.Detail);
    }

    [Fact]
    public async Task AWrongPassword_DeletesNothing()
    {
        var user = await factory.CreateUserAsync("keeping.student@example.org", Password, emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(user.Id, Roles.Student);

        using var response = await client.SubmitFormAsync("/Identity/Account/Manage/DeletePersonalData", "form#delete-user", new Dictionary<string, string> { ["Input.Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));
        Assert.False(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.UserId == user.Id && e.Kind == SecurityEventKind.AccountDeleted)));
    }
}
