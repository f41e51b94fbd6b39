using System.Globalization;
using System.Linq.Expressions;

namespace RigDirectory.Web.Domain;

/// <summary>
/// A round of workshop funding ACR opens: RIGs' leaders apply between <see cref="OpensAt"/> and
/// <see cref="ClosesAt"/> (server time), admins award up to <see cref="MaxAward"/> each. What has been awarded is
/// counted on the call (<see cref="Awarded"/>), so two admins awarding the last dollars at once collide on
/// <see cref="Version"/> and only one award is saved.
/// </summary>
public class FundingCall : IVersioned
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>What it funds, for leaders deciding whether to apply.</summary>
    public required string Funds { get; set; }

    /// <summary>Whole US dollars at most per award.</summary>
    public int MaxAward { get; set; }

    /// <summary>Whole US dollars for the whole call.</summary>
    public int Budget { get; set; }

    /// <summary>The sum of the awards made: never above <see cref="Budget"/>.</summary>
    public int Awarded { get; set; }

    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }

    /// <summary>Eligibility beyond being approved: the RIG was verified by its leaders (or approved) within 12 months.</summary>
    public bool RequiresRecentVerification { get; set; } = true;

    /// <summary>The questions applicants answer, one per line.</summary>
    public string? Questions { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }

    public List<FundingApplication> Applications { get; set; } = [];

    public int Remaining => Budget - Awarded;

    public bool IsOpen(DateTime now) => OpensAt <= now && now < ClosesAt;

    public IReadOnlyList<string> QuestionList => Funding.SplitQuestions(Questions);
}

/// <summary>One RIG's application to one call (at most one per RIG per call), from draft to award and report.</summary>
public class FundingApplication : IVersioned
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public FundingCall? Call { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }

    /// <summary>The RIG's event the money is for; may be empty while a draft.</summary>
    public int? EventId { get; set; }

    public Event? Event { get; set; }

    public FundingStatus Status { get; set; }

    /// <summary>Whole dollars asked: at most the call's maximum and the budget's total.</summary>
    public int AmountAsked { get; set; }

    public int? AmountAwarded { get; set; }

    /// <summary>An admin's score from 1 to 5, to compare applications before deciding.</summary>
    public int? Score { get; set; }

    /// <summary>The last decision's note, as emailed to the leaders.</summary>
    public string? DecisionNote { get; set; }

    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>The post-event report: students who came, and what happened.</summary>
    public int? ReportAttendance { get; set; }

    public string? ReportSummary { get; set; }
    public DateTime? ReportedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }

    public List<FundingBudgetLine> BudgetLines { get; set; } = [];
    public List<FundingAnswer> Answers { get; set; } = [];
    public List<FundingReportPhoto> Photos { get; set; } = [];
}

/// <summary>One line of an application's budget ("Ultrasound gel and probe covers", 120).</summary>
public class FundingBudgetLine
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public FundingApplication? Application { get; set; }
    public int Number { get; set; }
    public required string Item { get; set; }
    public int Amount { get; set; }
}

/// <summary>The answer to one of the call's questions, with the question as it was asked.</summary>
public class FundingAnswer
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public FundingApplication? Application { get; set; }
    public int Number { get; set; }
    public required string Question { get; set; }
    public required string Text { get; set; }
}

/// <summary>A photo of the funded event, attached to the report; stored like resource files, outside the web root.</summary>
public class FundingReportPhoto
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public FundingApplication? Application { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StoredName { get; set; }
}

public enum FundingStatus
{
    Draft = 0,
    Submitted = 1,
    ChangesRequested = 2,
    Awarded = 3,
    Declined = 4,
}

/// <summary>The rules of workshop funding, named once for the forms, the owner and the tests.</summary>
public static class Funding
{
    public const int MaxQuestions = 5;
    public const int MaxBudgetLines = 10;
    public const int AnswerLength = 2000;
    public const int ReportLength = 2000;
    public const int MaxPhotos = 3;
    public const int MaxAttendance = 5000;

    /// <summary>A call's dollars (award or budget) are at most this.</summary>
    public const int MaxDollars = 1_000_000;

    /// <summary>An award whose event ended this long ago without a report shows on the console.</summary>
    public const int ReportDueDays = 60;

    /// <summary>Calls open and close on ACR's clock (Reston, Virginia): a call closing on a date closes at its midnight there.</summary>
    public const string TimeZoneId = EventTimeZones.Default;

    public static IReadOnlyList<string> SplitQuestions(string? questions) =>
        (questions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The instant a call opening on <paramref name="day"/> opens: its first minute on ACR's clock.</summary>
    public static DateTime OpensAt(DateOnly day) => EventTimeZones.ToUtc(day.ToDateTime(TimeOnly.MinValue), TimeZoneId)!.Value;

    /// <summary>The instant a call closing on <paramref name="day"/> closes: the end of that day on ACR's clock.</summary>
    public static DateTime ClosesAt(DateOnly day) => EventTimeZones.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZoneId)!.Value;

    public static DateOnly OpensOn(DateTime opensAt) => DateOnly.FromDateTime(EventTimeZones.ToLocal(opensAt, TimeZoneId));

    public static DateOnly ClosesOn(DateTime closesAt) => DateOnly.FromDateTime(EventTimeZones.ToLocal(closesAt, TimeZoneId)).AddDays(-1);

    /// <summary>"11:59 PM Eastern on Fri, Jan 15, 2027".</summary>
    public static string DescribeClose(DateTime closesAt) =>
        $"11:59 PM {EventTimeZones.Get(TimeZoneId).NameAt(closesAt.AddMinutes(-1))} on {ClosesOn(closesAt).ToString("ddd, MMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))}";

    public static string Dollars(int amount) => amount.ToString("$#,0", CultureInfo.InvariantCulture);

    /// <summary>Whether a RIG may apply: approved, and (when the call asks) verified or approved within 12 months.</summary>
    public static string? Ineligibility(FundingCall call, RigStatus status, DateTime? lastVerifiedAt, DateTime? approvedAt, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (status != RigStatus.Approved)
        {
            return "Only RIGs approved in the directory can apply.";
        }

        return call.RequiresRecentVerification && !(RigFreshness.Since(lastVerifiedAt, approvedAt) is { } since && since >= now.AddMonths(-12))
            ? "This call is for RIGs verified by their leaders within the last 12 months: confirm your RIG is active from its edit page first."
            : null;
    }

    /// <summary>
    /// Why the leaders cannot change an application now (null: they can). Drafts change while the call is open; one
    /// ACR sent back changes until it is sent again, even after the close; nothing else changes.
    /// </summary>
    public static string? WhyLeadersCannotEdit(FundingStatus? status, DateTime opensAt, DateTime closesAt, DateTime now) => status switch
    {
        FundingStatus.ChangesRequested => null,
        null or FundingStatus.Draft when now < opensAt => "This call is not open yet.",
        null or FundingStatus.Draft when now >= closesAt => $"This call closed at {DescribeClose(closesAt)}: applications can no longer be started, saved or submitted.",
        null or FundingStatus.Draft => null,
        _ => $"This application is {status.Value.DisplayName().ToLowerInvariant()} and can no longer be changed.",
    };

    /// <summary>Whether the leaders can file the report now: awarded, not reported yet, and its event has started.</summary>
    public static bool ReportDue(FundingStatus status, DateTime? reportedAt, DateTime? eventStartsAt, DateTime now) =>
        status == FundingStatus.Awarded && reportedAt is null && eventStartsAt <= now;

    /// <summary><see cref="ReportDue"/> as a query translates it.</summary>
    public static Expression<Func<FundingApplication, bool>> ReportDueAt(DateTime now) =>
        a => a.Status == FundingStatus.Awarded && a.ReportedAt == null && a.Event!.StartsAt <= now;

    /// <summary>Sent to ACR at least once: every application but a draft. ACR sees only these.</summary>
    public static readonly Expression<Func<FundingApplication, bool>> Submitted = a => a.Status != FundingStatus.Draft;

    /// <summary>Drafts (<see cref="IsDraft"/>), as a query translates it.</summary>
    public static readonly Expression<Func<FundingApplication, bool>> Drafts = a => a.Status == FundingStatus.Draft;

    /// <summary>Waiting for ACR's decision.</summary>
    public static readonly Expression<Func<FundingApplication, bool>> AwaitingDecision = a => a.Status == FundingStatus.Submitted;

    /// <summary>An award whose report is overdue: not filed, and its event ended before <paramref name="endedBefore"/> (<see cref="ReportOverdueBefore"/>).</summary>
    public static Expression<Func<FundingApplication, bool>> ReportOverdue(DateTime endedBefore) =>
        a => a.Status == FundingStatus.Awarded && a.ReportedAt == null && a.Event!.EndsAt < endedBefore;

    /// <summary>A draft: the leaders have not sent it to ACR.</summary>
    public static bool IsDraft(FundingStatus status) => status == FundingStatus.Draft;

    /// <summary>Sent back to the leaders with ACR's note, for changes.</summary>
    public static bool SentBack(FundingStatus status) => status == FundingStatus.ChangesRequested;

    /// <summary>Awarded: the leaders owe a report once the event has been.</summary>
    public static bool Awarded(FundingStatus status) => status == FundingStatus.Awarded;

    /// <summary>The events an application may be for at <paramref name="now"/>: scheduled, shown and still to come.</summary>
    public static Expression<Func<Event, bool>> Fundable(DateTime now) => e => e.Status == EventStatus.Scheduled && e.HiddenAt == null && e.StartsAt > now;

    /// <summary>An award whose report is overdue at <paramref name="now"/>: its event ended more than 60 days ago.</summary>
    public static DateTime ReportOverdueBefore(DateTime now) => now.AddDays(-ReportDueDays);
}
