using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Accepting at the same moment, on a file database where simultaneous requests really race.</summary>
public sealed class MentoringRaceTests(FileDatabaseFactory factory) : IClassFixture<FileDatabaseFactory>
{
    [Fact]
    public async Task TwoAcceptsForTheLastPlace_ExactlyOneWins()
    {
        var mentorUser = await factory.CreateUserAsync("race.mentor@example.org", "race mentor password", emailConfirmed: true, Roles.Mentor);
        var mentorId = await TestMentors.AddAsync(factory, mentorUser, capacity: 1);
        var requests = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var student = await factory.CreateUserAsync($"race.student{i}@example.org", "race student password", emailConfirmed: true, Roles.Student);
            requests.Add(await factory.WithDbAsync(async db =>
            {
                var school = await db.Schools.SingleAsync(s => s.Slug == "yale-som");
                var request = new Mentorship
                {
                    MentorId = mentorId,
                    StudentUserId = student.Id,
                    StudentSchoolId = school.Id,
                    Message = "Please mentor me in radiology research.",
                    CreatedAt = factory.Clock.GetUtcNow().UtcDateTime,
                    ExpiresAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(MentoringRules.ExpiryDays),
                };
                db.Mentorships.Add(request);
                await db.SaveChangesAsync();
                return request.Id;
            }));
        }

        using var mentor = factory.CreateClientAs(mentorUser.Id, Roles.Mentor);
        var page = await mentor.GetDocumentAsync("/mentoring");

        var responses = await Task.WhenAll(requests.Select(id => mentor.SubmitFormAsync(page, $"form[action='/mentorships/{id}/accept']", new Dictionary<string, string>())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await factory.WithDbAsync(db => db.Mentorships.Where(m => m.MentorId == mentorId).Select(m => m.Status).ToListAsync());
        Assert.Equal(1, statuses.Count(s => s == MentorshipStatus.Accepted));
        Assert.Equal(1, statuses.Count(s => s == MentorshipStatus.Requested));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.Id == mentorId).Select(m => m.ActiveMentees).SingleAsync()));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
