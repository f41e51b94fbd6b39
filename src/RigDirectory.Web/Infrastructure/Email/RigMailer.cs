using Microsoft.AspNetCore.Identity.UI.Services;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Infrastructure.Email;

/// <summary>
/// Sends the emails that follow an action on a RIG. A failure never undoes the action: it is logged and
/// written to the RIG's history, where the admin console lists it.
/// </summary>
public sealed class RigMailer(AppDbContext db, IEmailSender email, TimeProvider clock, ILogger<RigMailer> logger)
{
    /// <summary>True when the message went out; false when it failed and was recorded.</summary>
    public async Task<bool> SendAsync(int rigId, string to, string subject, string html, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendEmailAsync(to, subject, html);
            return true;
        }
#pragma warning disable CA1031 // Any transport failure is handled the same way: record it, keep the action.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Email to {To} failed: {Subject}", to, subject);
            db.AuditEntries.Add(AuditEntry.ForRig(rigId, "EmailFailed", clock.GetUtcNow().UtcDateTime, null, null, $"To {to}: {subject}"));
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }
}
