namespace RigDirectory.Web.Notifications;

/// <summary>How the outbox worker sends: <c>Outbox:*</c> in configuration.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this instance runs the background sender (tests drive it by hand instead).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often an idle worker looks for due emails; a new email wakes it at once on its own instance.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries before an email is given up and shown on the admin console.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; each later wait doubles (1, 2, 4, 8, 16 minutes by default).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claim holds: a worker that dies mid-send leaves the email to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a sent email is kept: it holds its recipient's address, and the limits on emails sent on a user's
    /// behalf count no more than the last day of them. Failed emails stay until an admin sends them again.
    /// </summary>
    public TimeSpan KeepSentFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the worker deletes what it no longer keeps.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(FirstRetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 16)));
}
