using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>What ACR staff read about mentoring: the offers on the review desk, a mentor's file, a mentorship's history, the console's figures.</summary>
public sealed class MentorAdminQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int ReportsShown = 50;

    public async Task<MentorQueueViewModel> QueueAsync(MentorStatus status, int page, CancellationToken cancellationToken)
    {
        var counts = await db.MentorProfiles.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // Offers waiting for a decision, oldest first; the others as last changed.
        var oldestFirst = Lifecycles.MentorOffer.Allows(status, MentorCommand.Approve);
        var query = db.MentorProfiles.AsNoTracking().Where(m => m.Status == status);
        var items = await query
            .OrderBy(m => oldestFirst ? m.SubmittedAt : null).ThenByDescending(m => m.UpdatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new MentorQueueItem(m.Id, m.User!.DisplayName, m.Role, m.Institution, m.City + ", " + m.Jurisdiction!.PostalCode, m.Jurisdiction.Region!.Name, m.SubmittedAt, m.ActiveMentees, m.Capacity))
            .ToListAsync(cancellationToken);
        return new MentorQueueViewModel(status, Enum.GetValues<MentorStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s)), items, page, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<MentorFileViewModel?> FileAsync(int id, DecisionInput decision, MentoringNoteInput deactivate, CancellationToken cancellationToken)
    {
        var mentor = await db.MentorProfiles.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                Card = new MentorCard(m.Id, m.User!.DisplayName, m.Role, m.Institution, m.City, m.Jurisdiction!.PostalCode,
                    new List<string>(), m.Offers, m.Format, m.ActiveMentees < m.Capacity),
                m.UserId,
                Email = m.User.Email!,
                m.Bio,
                m.Status,
                m.Capacity,
                m.ActiveMentees,
                m.SubmittedAt,
                m.Version,
                Region = m.Jurisdiction.Region!.Name,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (mentor is null)
        {
            return null;
        }

        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == MentorLifecycle.EntityType && a.EntityId == mentor.UserId)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new HistoryRow(a.OccurredAt, a.UserDisplayName, a.Action, null, null, a.Note, a.Changes))
            .ToListAsync(cancellationToken);
        var mentorships = await db.Mentorships.AsNoTracking().Where(m => m.MentorId == id).OrderByDescending(m => m.CreatedAt).Take(50)
            .Select(m => new AdminMentorshipRow(m.Id, m.Student!.DisplayName, m.StudentSchool!.Name, m.Status, m.CreatedAt, m.Reports.Count))
            .ToListAsync(cancellationToken);
        decision.Version = mentor.Version;
        deactivate.Version = mentor.Version;
        var card = (await MentoringQueries.WithSubspecialtiesAsync(db, [mentor.Card], cancellationToken))[0];
        return new MentorFileViewModel(card, mentor.Email, mentor.Bio, mentor.Status, mentor.Capacity, mentor.ActiveMentees, mentor.Region, mentor.SubmittedAt, history, mentorships, decision, deactivate);
    }

    public async Task<MentorshipHistoryViewModel?> MentorshipAsync(int id, CancellationToken cancellationToken)
    {
        var mentorship = await db.Mentorships.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                m.Id,
                m.MentorId,
                Mentor = m.Mentor!.User!.DisplayName,
                Student = m.Student!.DisplayName,
                StudentEmail = m.Student.Email!,
                School = School.Label(m.StudentSchool!.Name, m.StudentSchool.Campus),
                m.Message,
                m.Status,
                Reports = m.Reports.OrderBy(r => r.CreatedAt).Select(r => new { r.Id, Reporter = r.Reporter!.DisplayName, r.Text, r.CreatedAt, r.ResolvedAt }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (mentorship is null)
        {
            return null;
        }

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == MentorshipLifecycle.EntityType && a.EntityId == key)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new HistoryRow(a.OccurredAt, a.UserDisplayName, a.Action, null, null, a.Note, a.Changes))
            .ToListAsync(cancellationToken);
        var between = $"{mentorship.Mentor} and {mentorship.Student}";
        var reports = mentorship.Reports.Select(r => new ReportRow(r.Id, id, r.Reporter, between, r.Text, r.CreatedAt, r.ResolvedAt)).ToList();
        return new MentorshipHistoryViewModel(mentorship.Id, mentorship.MentorId, mentorship.Mentor, mentorship.Student, mentorship.StudentEmail, mentorship.School, mentorship.Message, mentorship.Status, reports, history);
    }

    /// <summary>
    /// The console's figures over the last 12 months: supply and demand by region, mentors by subspecialty, requests
    /// waiting, acceptance rate, median time to answer, expiries, and the reports not yet dealt with.
    /// </summary>
    public async Task<MentoringConsoleViewModel> ConsoleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddYears(-1);
        var byRegion = await ByRegionAsync(since, cancellationToken);
        var bySubspecialty = await db.Subspecialties.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SubspecialtyRow(s.Id, s.Name, s.IsRetired, s.Mentors.AsQueryable().Count(MentoringRules.IsFindable), s.Mentors.AsQueryable().Where(MentoringRules.IsFindable).Count(m => m.ActiveMentees < m.Capacity)))
            .ToListAsync(cancellationToken);
        var outcomes = await db.Mentorships.AsNoTracking().Where(m => m.CreatedAt >= since)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        // Answer times are few (one per answered request in a year); the median is taken here.
        var answered = await db.Mentorships.AsNoTracking().Where(m => m.CreatedAt >= since && m.AnsweredAt != null)
            .Select(m => new { m.CreatedAt, m.AnsweredAt }).ToListAsync(cancellationToken);
        var reports = await db.MentorshipReports.AsNoTracking().Where(r => r.ResolvedAt == null).OrderBy(r => r.CreatedAt).Take(ReportsShown)
            .Select(r => new ReportRow(r.Id, r.MentorshipId, r.Reporter!.DisplayName, r.Mentorship!.Mentor!.User!.DisplayName + " and " + r.Mentorship.Student!.DisplayName, r.Text, r.CreatedAt, r.ResolvedAt))
            .ToListAsync(cancellationToken);
        var accepted = outcomes.GetValueOrDefault(MentorshipStatus.Accepted) + outcomes.GetValueOrDefault(MentorshipStatus.Ended);
        var decided = accepted + outcomes.GetValueOrDefault(MentorshipStatus.Declined) + outcomes.GetValueOrDefault(MentorshipStatus.Expired);
        return new MentoringConsoleViewModel(
            byRegion,
            bySubspecialty,
            outcomes.GetValueOrDefault(MentorshipStatus.Requested),
            decided == 0 ? null : (double)accepted / decided,
            Median(answered.Select(a => (a.AnsweredAt!.Value - a.CreatedAt).TotalDays).ToList()),
            outcomes.GetValueOrDefault(MentorshipStatus.Expired),
            outcomes.Values.Sum(),
            reports);
    }

    /// <summary>Mentors with room against students asking, region by region.</summary>
    private async Task<List<RegionSupply>> ByRegionAsync(DateTime since, CancellationToken cancellationToken)
    {
        var supply = await db.MentorProfiles.AsNoTracking().Where(MentoringRules.IsFindable)
            .GroupBy(m => m.Jurisdiction!.RegionId)
            .Select(g => new { RegionId = g.Key, Mentors = g.Count(), Free = g.Sum(m => m.ActiveMentees < m.Capacity ? m.Capacity - m.ActiveMentees : 0) })
            .ToListAsync(cancellationToken);
        var demand = await db.Mentorships.AsNoTracking().Where(m => m.CreatedAt >= since)
            .GroupBy(m => m.StudentSchool!.Jurisdiction!.RegionId)
            .Select(g => new { RegionId = g.Key, Students = g.Select(m => m.StudentUserId).Distinct().Count(), Waiting = g.Count(m => m.Status == MentorshipStatus.Requested) })
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Active().OrderBy(r => r.SortOrder).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        return regions.Select(r => new RegionSupply(
            r.Name,
            supply.FirstOrDefault(s => s.RegionId == r.Id)?.Mentors ?? 0,
            supply.FirstOrDefault(s => s.RegionId == r.Id)?.Free ?? 0,
            demand.FirstOrDefault(d => d.RegionId == r.Id)?.Students ?? 0,
            demand.FirstOrDefault(d => d.RegionId == r.Id)?.Waiting ?? 0)).ToList();
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

public sealed record MentorQueueItem(int Id, string Name, MentorRole Role, string Institution, string Place, string Region, DateTime? SubmittedAt, int ActiveMentees, int Capacity);

public sealed record MentorQueueViewModel(MentorStatus Status, IReadOnlyDictionary<MentorStatus, int> Counts, IReadOnlyList<MentorQueueItem> Items, int Page, DateTime Now)
{
    public int Pages => Math.Max(1, (Counts[Status] + MentorAdminQueries.PageSize - 1) / MentorAdminQueries.PageSize);

    /// <summary>The queue of offers waiting for a decision (oldest first, with how long each has waited).</summary>
    public bool AwaitingDecision => Lifecycles.MentorOffer.Allows(Status, MentorCommand.Approve);
}

public sealed record AdminMentorshipRow(int Id, string Student, string School, MentorshipStatus Status, DateTime CreatedAt, int Reports);

public sealed record MentorFileViewModel(
    MentorCard Mentor,
    string Email,
    string Bio,
    MentorStatus Status,
    int Capacity,
    int ActiveMentees,
    string Region,
    DateTime? SubmittedAt,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<AdminMentorshipRow> Mentorships,
    DecisionInput Decision,
    MentoringNoteInput Deactivate)
{
    public bool AwaitingDecision => Lifecycles.MentorOffer.Allows(Status, MentorCommand.Approve);

    public bool CanDeactivate => Lifecycles.MentorOffer.Allows(Status, MentorCommand.Deactivate);
}

public sealed record ReportRow(int Id, int MentorshipId, string Reporter, string Between, string Text, DateTime At, DateTime? ResolvedAt);

public sealed record MentorshipHistoryViewModel(
    int Id, int MentorId, string Mentor, string Student, string StudentEmail, string School, string Message, MentorshipStatus Status, IReadOnlyList<ReportRow> Reports, IReadOnlyList<HistoryRow> History);

/// <summary>Supply (active mentors, free places) against demand (students who asked in the last year, requests waiting) in a region.</summary>
public sealed record RegionSupply(string Region, int Mentors, int FreePlaces, int StudentsAsking, int Waiting)
{
    /// <summary>More students asked than there are free places: where ACR should recruit mentors.</summary>
    public bool DemandOutrunsSupply => StudentsAsking > FreePlaces;
}

public sealed record SubspecialtyRow(int Id, string Name, bool Retired, int Mentors, int WithRoom);

public sealed record MentoringConsoleViewModel(
    IReadOnlyList<RegionSupply> Regions,
    IReadOnlyList<SubspecialtyRow> Subspecialties,
    int Waiting,
    double? AcceptanceRate,
    double? MedianDaysToAnswer,
    int Expired,
    int RequestsThisYear,
    IReadOnlyList<ReportRow> Reports);
