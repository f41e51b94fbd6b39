using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.FundingAndAwards.Funding;

/// <summary>The reads of workshop funding. A leader's reads are filtered by the RIGs they lead in the same statement.</summary>
public sealed class FundingQueries(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The applications of every RIG the user leads, newest first.</summary>
    public async Task<IReadOnlyList<MyApplication>> MineAsync(string userId, CancellationToken cancellationToken)
    {
        var now = Now;
        return await db.FundingApplications.AsNoTracking()
            .Where(a => db.Rigs.LedBy(userId).Any(r => r.Id == a.RigId))
            .OrderByDescending(a => a.UpdatedAt).Take(50)
            .Select(a => new MyApplication(a.Id, a.Call!.Title, a.Rig!.Name, a.Status, a.AmountAsked, a.AmountAwarded,
                Domain.Funding.ReportDue(a.Status, a.ReportedAt, a.Event == null ? (DateTime?)null : a.Event.StartsAt, now)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The approved RIGs the user leads, with their application to this call if any and whether they may apply.</summary>
    public async Task<IReadOnlyList<ApplicantRig>> ApplicantsAsync(FundingCall call, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var rigs = await db.Rigs.LedBy(userId).AsNoTracking().Where(r => r.Status == RigStatus.Approved).OrderBy(r => r.Name)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Status,
                r.LastVerifiedAt,
                r.ApprovedAt,
                Application = r.FundingApplications.Where(a => a.CallId == call.Id).Select(a => new { a.Id, a.Status }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rigs.Select(r => new ApplicantRig(r.Id, r.Name, r.Application?.Id, r.Application?.Status, Domain.Funding.Ineligibility(call, r.Status, r.LastVerifiedAt, r.ApprovedAt, Now)))];
    }

    /// <summary>The form for the RIG's application to the call, or null when the call is unknown or the user does not lead the RIG.</summary>
    public async Task<ApplicationFormViewModel?> FormAsync(string callSlug, int rigId, string userId, FundingApplicationInput input, CancellationToken cancellationToken)
    {
        var fundable = Domain.Funding.Fundable(Now);
        var call = await db.FundingCalls.AsNoTracking().Where(c => c.Slug == callSlug)
            .Select(c => new { c.Id, c.Title, c.MaxAward, c.ClosesAt, c.Questions })
            .SingleOrDefaultAsync(cancellationToken);
        var rig = await db.Rigs.LedBy(userId).AsNoTracking().Where(r => r.Id == rigId)
            .Select(r => new
            {
                r.Name,
                Events = r.Events.AsQueryable().Where(fundable).OrderBy(e => e.StartsAt)
                    .Select(e => new { e.Id, e.Title, e.StartsAt, e.EndsAt, e.TimeZoneId }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (call is null || rig is null)
        {
            return null;
        }

        var questions = Domain.Funding.SplitQuestions(call.Questions);
        return new ApplicationFormViewModel(callSlug, call.Title, call.MaxAward, call.ClosesAt, questions, rigId, rig.Name,
            [.. rig.Events.Select(e => new EventOption(e.Id, $"{e.Title} — {EventTimeZones.Describe(e.StartsAt, e.EndsAt, e.TimeZoneId)}"))],
            input.Padded(questions.Count));
    }

    /// <summary>One application with everything on it; for a leader (not <paramref name="admin"/>) only if they lead its RIG.</summary>
    public async Task<ApplicationPageViewModel?> ApplicationAsync(int id, string userId, bool admin, CancellationToken cancellationToken)
    {
        var applications = db.FundingApplications.AsNoTracking().Where(a => a.Id == id);
        if (!admin)
        {
            applications = applications.Where(a => db.Rigs.LedBy(userId).Any(r => r.Id == a.RigId));
        }

        var row = await applications.Select(ApplicationRow.Of).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        return row?.Page(Now);
    }

    /// <summary>What <see cref="ApplicationAsync"/> reads of an application, in one projection.</summary>
    private sealed record ApplicationRow(
        int Id, string CallSlug, string CallTitle, DateTime OpensAt, DateTime ClosesAt, int CallVersion, int MaxAward, int Remaining,
        int RigId, string RigSlug, string RigName, string School, string Region,
        FundingStatus Status, int? EventId, string? EventTitle, DateTime? EventStartsAt, DateTime? EventEndsAt, string? EventTimeZoneId,
        int AmountAsked, int? AmountAwarded, int? Score, string? DecisionNote, DateTime? DecidedAt, string? DecidedBy, DateTime? SubmittedAt,
        int? ReportAttendance, string? ReportSummary, DateTime? ReportedAt, int Version,
        List<BudgetLineInput> Lines, List<AnswerRow> Answers, List<PhotoLink> Photos)
    {
        public static readonly Expression<Func<FundingApplication, ApplicationRow>> Of = a => new ApplicationRow(
            a.Id, a.Call!.Slug, a.Call.Title, a.Call.OpensAt, a.Call.ClosesAt, a.Call.Version, a.Call.MaxAward, a.Call.Budget - a.Call.Awarded,
            a.RigId, a.Rig!.Slug, a.Rig.Name, a.Rig.School!.Name, a.Rig.School.Jurisdiction!.Region!.Name,
            a.Status, a.EventId, a.Event == null ? null : a.Event.Title, a.Event == null ? (DateTime?)null : a.Event.StartsAt,
            a.Event == null ? (DateTime?)null : a.Event.EndsAt, a.Event == null ? null : a.Event.TimeZoneId,
            a.AmountAsked, a.AmountAwarded, a.Score, a.DecisionNote, a.DecidedAt, a.DecidedBy, a.SubmittedAt,
            a.ReportAttendance, a.ReportSummary, a.ReportedAt, a.Version,
            a.BudgetLines.OrderBy(l => l.Number).Select(l => new BudgetLineInput { Item = l.Item, Amount = l.Amount }).ToList(),
            a.Answers.OrderBy(x => x.Number).Select(x => new AnswerRow(x.Question, x.Text)).ToList(),
            a.Photos.OrderBy(p => p.Id).Select(p => new PhotoLink(p.Id, p.FileName)).ToList());

        /// <summary>The page, with what the leaders may still do as of <paramref name="now"/>.</summary>
        public ApplicationPageViewModel Page(DateTime now)
        {
            var editable = Domain.Funding.WhyLeadersCannotEdit(Status, OpensAt, ClosesAt, now) is null;
            var input = new FundingApplicationInput
            {
                EventId = EventId,
                AmountAsked = AmountAsked == 0 ? null : AmountAsked,
                BudgetLines = [.. Lines],
                Answers = [.. Answers.Select(x => (string?)x.Text)],
                Version = Version,
            };
            var when = EventStartsAt is { } starts && EventEndsAt is { } ends ? EventTimeZones.Describe(starts, ends, EventTimeZoneId!) : null;
            return new ApplicationPageViewModel(Id, CallSlug, CallTitle, ClosesAt, CallVersion, MaxAward, Remaining, RigId, RigSlug, RigName, School, Region,
                Status, EventTitle, when, AmountAsked, Lines.Sum(l => l.Amount ?? 0), AmountAwarded, Score, DecisionNote, DecidedAt, DecidedBy, SubmittedAt,
                Answers, Lines, ReportAttendance, ReportSummary, ReportedAt, Photos, Version,
                editable, Domain.Funding.ReportDue(Status, ReportedAt, EventStartsAt, now), input);
        }
    }

    /// <summary>A report photo's stored file, for the RIG's leaders and ACR only.</summary>
    public Task<FundingReportPhoto?> PhotoAsync(int applicationId, int photoId, string userId, bool admin, CancellationToken cancellationToken) =>
        db.FundingReportPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.ApplicationId == applicationId && (admin || db.Rigs.LedBy(userId).Any(r => r.Id == p.Application!.RigId)))
            .SingleOrDefaultAsync(cancellationToken);
}

public sealed record CallCard(string Slug, string Title, string Funds, int MaxAward, DateTime OpensAt, DateTime ClosesAt);

public sealed record MyApplication(int Id, string CallTitle, string RigName, FundingStatus Status, int AmountAsked, int? AmountAwarded, bool ReportDue);

public sealed record FundingIndexViewModel(IReadOnlyList<CallCard> Calls, IReadOnlyList<MyApplication> Mine, DateTime Now);

public sealed record ApplicantRig(int RigId, string Name, int? ApplicationId, FundingStatus? Status, string? Ineligible);

public sealed record CallViewModel(FundingCall Call, IReadOnlyList<ApplicantRig> Rigs, DateTime Now);

public sealed record EventOption(int Id, string Label);

public sealed record ApplicationFormViewModel(string CallSlug, string CallTitle, int MaxAward, DateTime ClosesAt, IReadOnlyList<string> Questions, int RigId, string RigName, IReadOnlyList<EventOption> Events, FundingApplicationInput Input);

public sealed record AnswerRow(string Question, string Text);

public sealed record PhotoLink(int Id, string FileName);

public sealed record ApplicationPageViewModel(
    int Id,
    string CallSlug,
    string CallTitle,
    DateTime ClosesAt,
    int CallVersion,
    int MaxAward,
    int Remaining,
    int RigId,
    string RigSlug,
    string RigName,
    string School,
    string Region,
    FundingStatus Status,
    string? EventTitle,
    string? EventWhen,
    int AmountAsked,
    int BudgetTotal,
    int? AmountAwarded,
    int? Score,
    string? DecisionNote,
    DateTime? DecidedAt,
    string? DecidedBy,
    DateTime? SubmittedAt,
    IReadOnlyList<AnswerRow> Answers,
    IReadOnlyList<BudgetLineInput> Lines,
    int? ReportAttendance,
    string? ReportSummary,
    DateTime? ReportedAt,
    IReadOnlyList<PhotoLink> Photos,
    int Version,
    bool Editable,
    bool CanReport,
    FundingApplicationInput Input)
{
    /// <summary>The form, when the leaders can still change the application.</summary>
    public ApplicationFormViewModel? Form { get; init; }

    public bool SentBack => Domain.Funding.SentBack(Status);

    public bool IsDraft => Domain.Funding.IsDraft(Status);
}

public sealed record ReportViewModel(ApplicationPageViewModel Application, FundingReportInput Input);
