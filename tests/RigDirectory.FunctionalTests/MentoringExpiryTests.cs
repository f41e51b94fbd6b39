using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Expiry_RunTwiceOrBesideAnotherInstance_ExpiresAndEmailsEachRequestOnce()
    {
        var mentorUser = await factory.CreateUserAsync("busy.mentor@example.org", "busy mentor password", emailConfirmed: true, Roles.Mentor);
        var mentorId = await TestMentors.AddAsync(factory, mentorUser, capacity: 5);
        var students = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var student = await factory.CreateUserAsync($"expiring.student{i}@example.org", "expiring student password", emailConfirmed: true, Roles.Student);
            using var client = factory.CreateClientAs(student.Id, Roles.Student);
            await client.SubmitFormAsync($"/mentors/{mentorId}", "#ask-form", new Dictionary<string, string>
            {
                ["Request.School"] = "yale-som",
                ["Request.Message"] = "I would love advice on starting research in radiology this year.",
            }).AcceptedAsync();
            students.Add(student.Email!);
        }

        factory.Clock.Advance(TimeSpan.FromDays(15));
        // Two more runs at once, as a second instance's worker would, beside this instance's own.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Web.Features.Mentoring.MentorshipLifecycle>().ExpireDueAsync(CancellationToken.None);
        }));
        for (var i = 0; i < 50 && await factory.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.MentorId == mentorId && m.Status == MentorshipStatus.Requested)); i++)
        {
            await Task.Delay(100);
        }

        var emails = await factory.SentEmailsAsync();
        Assert.Equal(3, await factory.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MentorId == mentorId && m.Status == MentorshipStatus.Expired)));
        Assert.All(students, email => Assert.Single(emails.Messages, m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject!.Contains("expired", StringComparison.Ordinal)));
        var ids = (await factory.WithDbAsync(db => db.Mentorships.Where(m => m.MentorId == mentorId).Select(m => m.Id).ToListAsync()))
            .Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Mentorship" && a.Action == AuditAction.MentorshipExpired && ids.Contains(a.EntityId))));
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
