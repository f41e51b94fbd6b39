namespace RigDirectory.Web.Domain;

/// <summary>
/// Whether a RIG's leaders still look after it: its clock starts at approval and restarts each time a leader
/// confirms it is active. After <see cref="StaleAfterMonths"/> months without that, the profile says "not verified
/// since …" (never "inactive": the RIG may well be running) and the console lists it.
/// </summary>
public static class RigFreshness
{
    public const int StaleAfterMonths = 13;

    /// <summary>When the RIG was last known to be looked after: its last confirmation, or else its approval.</summary>
    public static DateTime? Since(DateTime? lastVerifiedAt, DateTime? approvedAt) => lastVerifiedAt ?? approvedAt;

    /// <summary>Anything known-good before this is stale at <paramref name="now"/>.</summary>
    public static DateTime StaleBefore(DateTime now) => now.AddMonths(-StaleAfterMonths);

    public static bool IsStale(DateTime? lastVerifiedAt, DateTime? approvedAt, DateTime now) =>
        Since(lastVerifiedAt, approvedAt) is { } since && since < StaleBefore(now);
}
