using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Notifications;

/// <summary>A composed email: what <see cref="Notifications"/> produces and the outbox stores.</summary>
public sealed record Email(EmailPurpose Purpose, string To, string Subject, string Html, int? RigId = null);

/// <summary>Wakes this instance's worker when an email was queued, so it need not wait for its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>
/// Queues emails in the caller's unit of work: they are saved, and later sent, only if the change they follow is
/// saved. Admins send a failed one again from the console.
/// </summary>
public sealed class Outbox(AppDbContext db, OutboxSignal signal, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    private bool _listening;

    public void Enqueue(Email email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Recipient = email.To.Trim().ToLowerInvariant(),
            Subject = email.Subject.Length > 400 ? email.Subject[..400] : email.Subject,
            HtmlBody = email.Html,
            Purpose = email.Purpose,
            RigId = email.RigId,
            Sender = Security.MailSenders.Of(http.HttpContext),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        if (!_listening)
        {
            _listening = true;
            db.SavedChanges += (_, _) => signal.Wake();
        }
    }

    /// <summary>Queues a failed email again, from its first attempt; false when it is not (or no longer) failed.</summary>
    public async Task<bool> SendAgainAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.FailedAt != null, cancellationToken);
        if (message is null)
        {
            return false;
        }

        message.FailedAt = null;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(nameof(OutboxMessage), id.ToString(System.Globalization.CultureInfo.InvariantCulture), message.RigId, AuditAction.EmailResent,
            AuditChanges.Of("Email", null, $"{message.Recipient}: {message.Subject}"));
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return true;
    }
}
