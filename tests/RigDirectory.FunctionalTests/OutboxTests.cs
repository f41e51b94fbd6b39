using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// Emails go through the transactional outbox: saved with the change they follow, sent by the worker with retries
/// and backoff, shown to admins with "send again" after the last try, and sent once even with two instances.
/// </summary>
public sealed class OutboxTests(FailingEmailFactory factory) : IClassFixture<FailingEmailFactory>
{
    [Fact]
    public async Task MailServerDown_TheChangeStays_TheEmailIsRetriedWithBackoff_ThenAdminsSendItAgain()
    {
        var user = await factory.CreateUserAsync("mail.down@example.org", "mail down password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(user.Id, Roles.Student);
        var id = await client.StartDraftAsync("tufts-som");

        using var added = await client.SubmitFormAsync($"/register/{id}/sponsors", "#sponsor-form", new Dictionary<string, string> { ["Input.Name"] = "Dr. Unreachable", ["Input.Email"] = "unreachable@hospital.example" });
        var page = await client.GetDocumentAsync($"/register/{id}/sponsors");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Dr. Unreachable", page.QuerySelector(".list-group")!.TextContent, StringComparison.Ordinal);

        // Six tries, 1, 2, 4, 8 and 16 minutes apart; none earlier than its time.
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            await factory.SentEmailsAsync();
            Assert.Equal(attempt, await AttemptsAsync("unreachable@hospital.example"));
            await factory.SentEmailsAsync();
            Assert.Equal(attempt, await AttemptsAsync("unreachable@hospital.example"));
            factory.Clock.Advance(options.RetryDelay(attempt));
        }

        using var admin = factory.CreateClientAs("mail-admin", Roles.AcrAdmin);
        var dashboard = await admin.GetDocumentAsync("/admin");
        var row = dashboard.QuerySelectorAll("#failed-emails tbody tr").Single(r => r.TextContent.Contains("unreachable@hospital.example", StringComparison.Ordinal));
        Assert.Contains("Please confirm you sponsor", row.TextContent, StringComparison.Ordinal);

        factory.Emails.Failing = false;
        using var sendAgain = await admin.SubmitFormAsync(dashboard, "#failed-emails form[action$='/send-again']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sendAgain.StatusCode);
        var sent = await factory.SentEmailsAsync();
        await factory.SentEmailsAsync();
        Assert.Single(sent.Messages, m => m.To.Mailboxes.Any(a => a.Address == "unreachable@hospital.example"));
        Assert.Null((await admin.GetDocumentAsync("/admin")).QuerySelector("#failed-emails"));
        factory.Emails.Failing = true;
    }

    private Task<int> AttemptsAsync(string recipient) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == recipient).Select(m => m.Attempts).SingleAsync());
}

/// <summary>The app killed between a decision and its email, and two instances sending from one database.</summary>
public sealed class OutboxInstanceTests
{
    [Fact]
    public Task AppKilledAfterADecision_TheNextInstanceSendsTheEmail_Once() => InstanceFactory.OnOneDatabaseAsync(async path =>
    {
        int id;
        string leader;
        await using (var first = new InstanceFactory(path))
        {
            first.Emails.Failing = true;
            (id, var user) = await first.CreateSubmittedRigAsync("uams-com", "Little Rock Radiology Club", first.Clock.GetUtcNow().UtcDateTime);
            leader = user.Email!;
            using var admin = first.CreateClientAs("kill-admin", Roles.AcrAdmin);
            var review = await admin.GetDocumentAsync($"/admin/reviews/{id}");
            using var decided = await admin.SubmitFormAsync(review, "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" });
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
            await first.SentEmailsAsync();
            Assert.Empty(first.Emails.Messages);
        }

        await using var second = new InstanceFactory(path);
        second.Clock.Advance(TimeSpan.FromMinutes(2));
        await second.SentEmailsAsync();
        await second.SentEmailsAsync();

        var email = Assert.Single(second.Emails.Messages);
        Assert.Equal(leader, email.To.Mailboxes.Single().Address);
        Assert.Contains("is approved", email.Subject, StringComparison.Ordinal);
        Assert.Equal(RigStatus.Approved, await second.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    });

    [Fact]
    public Task TwoInstancesOnOneDatabase_SendEachQueuedEmailOnce() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        await first.WithDbAsync(async db =>
        {
            using var scope = first.Services.CreateScope();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 40; i++)
            {
                outbox.Enqueue(new Email(EmailPurpose.Other, $"race{i}@example.org", $"Race {i}", "<p>Once.</p>"));
            }

            await scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>().SaveChangesAsync();
        });
        first.Emails.Delay = second.Emails.Delay = TimeSpan.FromMilliseconds(20);

        await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None)),
            Task.Run(() => second.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None)));

        var recipients = first.Emails.Messages.Concat(second.Emails.Messages).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(40, recipients.Count);
        Assert.Equal(40, recipients.Distinct().Count());
    });

    [Fact]
    public Task AnEmailClaimedByAnotherInstance_WaitsForItsLease_ThenIsSentOnce() => InstanceFactory.OnOneDatabaseAsync(async path =>
    {
        await using var instance = new InstanceFactory(path);
        var lease = instance.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.Lease;
        await instance.WithDbAsync(async db =>
        {
            // As another instance leaves it mid-send: claimed until the lease runs out.
            var now = instance.Clock.GetUtcNow().UtcDateTime;
            db.OutboxMessages.Add(new OutboxMessage
            {
                Recipient = "claimed@example.org",
                Subject = "Claimed",
                HtmlBody = "<p>Once.</p>",
                Purpose = EmailPurpose.Other,
                CreatedAt = now,
                NextAttemptAt = now,
                LockedUntil = now + lease,
                LockedBy = "another-instance",
            });
            await db.SaveChangesAsync();
        });

        Assert.Empty((await instance.SentEmailsAsync()).Messages);
        instance.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        await instance.SentEmailsAsync();

        Assert.Equal("claimed@example.org", Assert.Single((await instance.SentEmailsAsync()).Messages).To.Mailboxes.Single().Address);
    });
}

/// <summary>Sent emails hold people's addresses: they are kept 30 days (the limits need one), failed ones until an admin acts.</summary>
public sealed class OutboxRetentionTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task SentEmails_AreDeletedAfterThirtyDays_WhileFailedOnesAndNewerOnesStay()
    {
        var user = await factory.CreateUserAsync("kept.thirty.days@example.org", "outbox retention password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateNonRedirectingClient();
        await client.SubmitFormAsync("/Identity/Account/ForgotPassword", "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! }).AcceptedAsync();
        await factory.SentEmailsAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { Recipient = "failed.long.ago@example.org", Subject = "Failed", HtmlBody = "<p>Failed</p>", CreatedAt = now, NextAttemptAt = now, FailedAt = now });
            await db.SaveChangesAsync();
        });
        var sender = factory.Services.GetRequiredService<OutboxSender>();

        factory.Clock.Advance(TimeSpan.FromDays(29));
        var afterTwentyNineDays = await sender.PurgeSentAsync(CancellationToken.None);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var afterThirtyOneDays = await sender.PurgeSentAsync(CancellationToken.None);

        var left = await factory.WithDbAsync(db => db.OutboxMessages.Select(m => m.Recipient).ToListAsync());
        Assert.Equal(0, afterTwentyNineDays);
        Assert.Equal(1, afterThirtyOneDays);
        Assert.Equal(["failed.long.ago@example.org"], left);
    }
}
