using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// A kind of email the app sends because someone acted, to an address they typed or a person they picked, with
/// its limits: per sender (an account, or a client address when signed out) per <paramref name="SenderWindow"/>, per
/// recipient per day, per sender and recipient together per day, and per RIG per day.
/// </summary>
/// <param name="SilentWhenSignedOut">
/// Account emails asked for while signed out (sign-up, reset, resend): over the recipient's cap the email is not
/// sent and the page answers as usual, because any other answer would tell a stranger the address has an account.
/// Their senders are limited by the account pages' rate limit, which counts every post, account or not.
/// </param>
/// <param name="Skipped">Over a limit, the email is left unsent and the action that caused it goes on (a change to an event is saved; the page and calendars show it).</param>
public sealed record MailFlow(string Name, IReadOnlyList<EmailPurpose> Purposes, int PerSender, TimeSpan SenderWindow, int PerRecipientPerDay, int? PerPairPerDay = null, int? PerRigPerDay = null, bool SilentWhenSignedOut = false, bool Skipped = false);

/// <summary>Every flow of email sent on a user's behalf, with its limits from <see cref="RateLimitOptions"/>.</summary>
public static class MailFlows
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static IReadOnlyList<MailFlow> All(RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return
        [
            new("account emails (confirmation, password reset, \"you already have an account\")",
                [EmailPurpose.AccountConfirmation, EmailPurpose.PasswordReset, EmailPurpose.AlreadyRegistered, EmailPurpose.Other],
                limits.AccountEmailsPerSender, Hour, limits.AccountEmailsPerRecipientPerDay, SilentWhenSignedOut: true),
            new("new email address confirmations", [EmailPurpose.EmailChange], limits.OutgoingEmails, Hour, limits.EmailsPerRecipientPerDay),
            new("invitations and sponsor confirmations", [EmailPurpose.SponsorConfirmation, EmailPurpose.OfficerInvitation],
                limits.OutgoingEmails, Hour, limits.EmailsPerRecipientPerDay, PerRigPerDay: limits.EmailsPerRigPerDay),
            new("claims sent to faculty sponsors", [EmailPurpose.ClaimConfirmation], limits.ClaimsPerSenderPerDay, Day, limits.EmailsPerRecipientPerDay, PerPairPerDay: 1),
            new("messages to a RIG's starters", [EmailPurpose.StarterMessage], limits.OutgoingEmails, Hour, limits.MessagesPerRecipientPerDay, PerPairPerDay: 1),
            new("mentorship requests", [EmailPurpose.MentorshipRequest], limits.OutgoingEmails, Hour, limits.MessagesPerRecipientPerDay, PerPairPerDay: 2),
            // A host tells everyone registered when an event's time or place changes: one event at full capacity,
            // changed twice a day, is the most one host sends.
            new("notices of a changed event", [EmailPurpose.EventChanged], 2 * EventRules.MaxCapacity, Day, limits.EventChangesPerRecipientPerDay, PerPairPerDay: 3, Skipped: true),
        ];
    }

    public static MailFlow? Of(EmailPurpose purpose, RateLimitOptions limits) => All(limits).FirstOrDefault(f => f.Purposes.Contains(purpose));
}

/// <summary>A send the limits refused: the request answers 429 with <see cref="RetryAfter"/> and <see cref="Exception.Message"/>.</summary>
public sealed class MailRefusedException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Where the refusal's sentence waits for the error page the status-code pages re-execute.</summary>
    public const string ItemKey = "RigDirectory.Refusal";
}

/// <summary>Who asks the app to send: the signed-in account, else the client address.</summary>
public static class MailSenders
{
    public static string? Of(HttpContext? context) => context is null ? null
        : context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId
        : RateLimits.ClientAddress(context);
}

/// <summary>
/// Checks each email of a <see cref="MailFlow"/> against its limits before it is queued, counting the outbox (whose
/// rows stay 30 days whatever happens to what they were about), so every instance on the database agrees and
/// removing and re-adding a sponsor or cancelling and asking a mentor again resets nothing.
/// </summary>
public sealed class MailQuota(AppDbContext db, IHttpContextAccessor http, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The sender recorded with each queued email.</summary>
    public string? Sender => MailSenders.Of(http.HttpContext);

    /// <summary>
    /// True to send; false to leave this one unsent without a word (a signed-out account email over its recipient's
    /// cap); otherwise throws <see cref="MailRefusedException"/>.
    /// </summary>
    public async Task<bool> AllowsAsync(EmailPurpose purpose, string recipient, int? rigId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (MailFlows.Of(purpose, options.Value) is not { } flow)
        {
            return true;
        }

        try
        {
            return await WithinLimitsAsync(flow, recipient, rigId, cancellationToken);
        }
        catch (MailRefusedException) when (flow.Skipped)
        {
            return false;
        }
    }

    private async Task<bool> WithinLimitsAsync(MailFlow flow, string recipient, int? rigId, CancellationToken cancellationToken)
    {

        var now = clock.GetUtcNow().UtcDateTime;
        var address = recipient.Trim().ToLowerInvariant();
        var sender = Sender;
        var signedIn = sender?.StartsWith("user:", StringComparison.Ordinal) == true;
        var rows = db.OutboxMessages.AsNoTracking().Where(m => flow.Purposes.Contains(m.Purpose));
        if (await OverAsync(rows.Where(m => m.Recipient == address), flow.PerRecipientPerDay, now - Day, cancellationToken) is { } recipientWait)
        {
            return flow.SilentWhenSignedOut && !signedIn
                ? false
                : throw new MailRefusedException($"{recipient.Trim()} has already received {flow.PerRecipientPerDay} {flow.Name} from RigDirectory today. Try again {Later(recipientWait)}.", recipientWait);
        }

        if (flow.SilentWhenSignedOut && !signedIn)
        {
            return true;
        }

        if (sender is not null && await OverAsync(rows.Where(m => m.Sender == sender), flow.PerSender, now - flow.SenderWindow, cancellationToken) is { } senderWait)
        {
            var window = flow.SenderWindow >= Day ? "today" : "in the last hour";
            throw new MailRefusedException($"You have asked RigDirectory to send {flow.PerSender} {flow.Name} {window}, the most it sends for one person. Try again {Later(senderWait)}.", senderWait);
        }

        if (sender is not null && flow.PerPairPerDay is { } perPair &&
            await OverAsync(rows.Where(m => m.Sender == sender && m.Recipient == address), perPair, now - Day, cancellationToken) is { } pairWait)
        {
            throw new MailRefusedException($"You have already written to them today ({flow.Name}). Give them time to answer, or try again {Later(pairWait)}.", pairWait);
        }

        if (rigId is { } rig && flow.PerRigPerDay is { } perRig &&
            await OverAsync(rows.Where(m => m.RigId == rig), perRig, now - Day, cancellationToken) is { } rigWait)
        {
            throw new MailRefusedException($"This RIG has sent its {perRig} {flow.Name} for today. Try again {Later(rigWait)}.", rigWait);
        }

        return true;
    }

    /// <summary>How long until one more fits, when <paramref name="limit"/> rows were sent since <paramref name="since"/>; null when one more fits now.</summary>
    private static async Task<TimeSpan?> OverAsync(IQueryable<OutboxMessage> rows, int limit, DateTime since, CancellationToken cancellationToken)
    {
        var recent = await rows.Where(m => m.CreatedAt > since).OrderByDescending(m => m.CreatedAt).Select(m => m.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        if (recent.Count < limit)
        {
            return null;
        }

        var wait = recent[^1] - since;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    private static string Later(TimeSpan wait) => wait >= TimeSpan.FromHours(2)
        ? $"in {Math.Ceiling(wait.TotalHours).ToString(CultureInfo.InvariantCulture)} hours"
        : $"in {Math.Max(1, Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} minutes";
}
