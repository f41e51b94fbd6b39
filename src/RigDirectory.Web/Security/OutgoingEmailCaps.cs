using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// Daily caps on the emails users make the app send to addresses they type, so the directory cannot be used to
/// spam anyone: per RIG, and per recipient across all RIGs.
/// </summary>
public sealed class OutgoingEmailCaps(AppDbContext db, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Null when the email may go, after counting it (saved with the caller's next <c>SaveChangesAsync</c>);
    /// otherwise why it may not.
    /// </summary>
    public async Task<string?> ReserveAsync(int rigId, string recipient, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var limits = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        var address = recipient.Trim().ToLowerInvariant();
        if (await db.EmailQuota.CountAsync(e => e.RigId == rigId && e.SentAt > since, cancellationToken) >= limits.EmailsPerRigPerDay)
        {
            return $"This RIG has sent its {limits.EmailsPerRigPerDay} invitation and sponsor emails for today. Try again tomorrow.";
        }

        if (await db.EmailQuota.CountAsync(e => e.Recipient == address && e.SentAt > since, cancellationToken) >= limits.EmailsPerRecipientPerDay)
        {
            return $"{recipient.Trim()} has already received {limits.EmailsPerRecipientPerDay} emails from RigDirectory today. Try again tomorrow.";
        }

        db.EmailQuota.Add(new EmailQuotaEntry { RigId = rigId, Recipient = address, Purpose = purpose, SentAt = now });
        return null;
    }
}
