using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Unanswered requests expire through the background worker as the app's clock passes their date.</summary>
public sealed class MentoringExpiryTests(MentoringWorkerFactory factory) : IClassFixture<MentoringWorkerFactory>
{
    [Fact]
    public async Task UnansweredFor14Days_TheWorkerExpiresTheRequest_TellsTheStudent_AndFreesTheirTurn()
    {
        var mentorUser = await factory.CreateUserAsync("slow.mentor@example.org", "slow mentor password", emailConfirmed: true, Roles.Mentor);
        var mentorId = await TestMentors.AddAsync(factory, mentorUser);
        var studentUser = await factory.CreateUserAsync("waiting.student@example.org", "waiting student password", emailConfirmed: true, Roles.Student);
        using var student = factory.CreateClientAs(studentUser.Id, Roles.Student);
        await student.SubmitFormAsync($"/mentors/{mentorId}", "#ask-form", new Dictionary<string, string>
        {
            ["Request.School"] = "yale-som",
            ["Request.Message"] = "I would love advice on starting research in radiology this year.",
        }).AcceptedAsync();

        factory.Clock.Advance(TimeSpan.FromDays(13));
        await Task.Delay(300);
        var afterThirteenDays = await StatusAsync(studentUser.Id);
        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(11));
        var expired = await WaitForAsync(studentUser.Id, MentorshipStatus.Expired);
        var page = await student.GetDocumentAsync("/my/mentors");
        var mentorAgain = await student.GetDocumentAsync($"/mentors/{mentorId}");

        Assert.Equal(MentorshipStatus.Requested, afterThirteenDays);
        Assert.True(expired, "The worker did not expire the request after 14 days.");
        Assert.Contains("Expired unanswered", page.QuerySelector("#past-requests")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mentorAgain.QuerySelector("#ask-form"));
        Assert.Contains("expired", (await factory.SentEmailsAsync()).LastTo(studentUser.Email!).Subject, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Mentorship" && a.Action == AuditAction.MentorshipExpired && a.UserId == null)));
    }

    private Task<MentorshipStatus> StatusAsync(string studentId) =>
        factory.WithDbAsync(db => db.Mentorships.Where(m => m.StudentUserId == studentId).Select(m => m.Status).SingleAsync());

    private async Task<bool> WaitForAsync(string studentId, MentorshipStatus status)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await StatusAsync(studentId) == status)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
