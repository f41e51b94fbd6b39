using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Email;

namespace RigDirectory.Web.Notifications;

/// <summary>
/// Sends what the outbox holds. Each email is first claimed with a conditional update (a lease), so two instances
/// on one database never send the same email twice; a failure is retried with exponential backoff, and after the
/// last try the email waits on the admin console. The worker calls <see cref="SendDueAsync"/>; tests call it directly.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    IOptions<EmailOptions> emailOptions,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    private readonly string _instance = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends every email due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }

            foreach (var id in due)
            {
                if (await TrySendAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), id, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    /// <summary>Deletes the emails sent longer ago than <see cref="OutboxOptions.KeepSentFor"/>; returns how many went.</summary>
    public async Task<int> PurgeSentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = clock.GetUtcNow().UtcDateTime - options.Value.KeepSentFor;
        return await db.WriteAsync(() => db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(cancellationToken), cancellationToken);
    }

    private async Task<bool> TrySendAsync(AppDbContext db, AuditLog audit, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.WriteAsync(() => db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, now + options.Value.Lease).SetProperty(m => m.LockedBy, _instance), cancellationToken), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(Compose(message), cancellationToken);
        }
#pragma warning disable CA1031 // Any transport failure is handled the same way: retry later, or give up and show it.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await FailAsync(db, audit, message, exception, cancellationToken);
            return false;
        }

        await db.WriteAsync(() => db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime).SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken), cancellationToken);
        BusinessEvents.EmailSent(logger, id, message.Attempts + 1);
        return true;
    }

    private async Task FailAsync(AppDbContext db, AuditLog audit, OutboxMessage message, Exception exception, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var givingUp = attempts >= options.Value.MaxAttempts;
        var error = exception.Message.Length > 1000 ? exception.Message[..1000] : exception.Message;
        BusinessEvents.EmailFailed(logger, exception, message.Id, attempts, givingUp);
        await db.WriteAsync(() => db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.FailedAt, givingUp ? now : null)
                .SetProperty(m => m.NextAttemptAt, now + options.Value.RetryDelay(attempts)), cancellationToken), cancellationToken);
        if (givingUp && message.RigId is { } rigId)
        {
            audit.Rig(rigId, AuditAction.EmailFailed, AuditChanges.Of("Email", null, $"{message.Recipient}: {message.Subject}"), by: Actor.System);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private MimeMessage Compose(OutboxMessage message)
    {
        var settings = emailOptions.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody }.ToMessageBody();
        // The same id on every try lets a mail server or reader drop a duplicate.
        mime.MessageId = $"outbox-{message.Id}@{settings.FromAddress.Split('@').Last()}";
        return mime;
    }
}

/// <summary>Runs <see cref="OutboxSender"/> in the background: at once when an email is queued, and on every poll.</summary>
public sealed class OutboxWorker(
    OutboxSender sender, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await AfterStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sender.SendDueAsync(stoppingToken);
                if (clock.GetUtcNow() - lastPurge >= options.Value.PurgeInterval)
                {
                    lastPurge = clock.GetUtcNow();
                    await sender.PurgeSentAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be briefly unavailable; the next round tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "The outbox worker could not send; it tries again at the next poll.");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
