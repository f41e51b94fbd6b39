using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// Daily caps on the emails users make the app send to addresses they type (invitations, sponsor confirmations),
/// so the directory cannot be used to spam anyone: per RIG, and per recipient across all RIGs. They count the
/// outbox, whose rows stay when a sponsor or invitation is removed, so removing and re-adding resets nothing.
/// </summary>
public sealed class OutgoingEmailCaps(AppDbContext db, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public static readonly EmailPurpose[] Capped = [EmailPurpose.SponsorConfirmation, EmailPurpose.OfficerInvitation];

    /// <summary>Null when one more email to <paramref name="recipient"/> may go; otherwise why it may not.</summary>
    public async Task<string?> RefusalAsync(int rigId, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var limits = options.Value;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var address = recipient.Trim().ToLowerInvariant();
        var capped = db.OutboxMessages.Where(m => Capped.Contains(m.Purpose) && m.CreatedAt > since);
        if (await capped.CountAsync(m => m.RigId == rigId, cancellationToken) >= limits.EmailsPerRigPerDay)
        {
            return $"This RIG has sent its {limits.EmailsPerRigPerDay} invitation and sponsor emails for today. Try again tomorrow.";
        }

        return await capped.CountAsync(m => m.Recipient == address, cancellationToken) >= limits.EmailsPerRecipientPerDay
            ? $"{recipient.Trim()} has already received {limits.EmailsPerRecipientPerDay} emails from RigDirectory today. Try again tomorrow."
            : null;
    }
}
