using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Registration.Reviews;

/// <summary>What the review desk shows: the queue with its counts and filters, and one registration with its history.</summary>
public sealed class ReviewQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<ReviewQueueViewModel> QueueAsync(ReviewQueueInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.Rigs.AsNoTracking()
            .Where(RegistrationWorkflow.IsBeingRegistered)
            .GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var changes = await db.Rigs.AsNoTracking().CountAsync(RegistrationWorkflow.ChangeWaiting, cancellationToken);
        var query = input.Changes
            ? db.Rigs.AsNoTracking().Where(RegistrationWorkflow.ChangeWaiting)
            : db.Rigs.AsNoTracking().Where(r => r.Status == input.Status);
        if (input.Region is not null)
        {
            query = query.Where(r => r.School!.Jurisdiction!.Region!.Slug == input.Region);
        }

        if (input.OlderThanDays is { } days)
        {
            var cutoff = now.AddDays(-days);
            query = query.Where(r => (input.Changes ? r.ChangeRequestedAt : r.SubmittedAt) <= cutoff);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(r => input.Changes ? r.ChangeRequestedAt : r.SubmittedAt ?? r.CreatedAt).ThenBy(r => r.Id)
            .Skip((input.Page - 1) * PageSize).Take(PageSize)
            .Select(r => new ReviewQueueItem(r.Id, r.Name, r.School!.Name, r.School.Campus, School.IsRequested(r.School.Status),
                r.School.Jurisdiction!.Region!.Name, input.Changes ? r.ChangeRequestedAt : r.SubmittedAt, r.Sponsors.Count, r.Sponsors.Count(s => s.ConfirmedAt != null)))
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Active().OrderBy(r => r.SortOrder).Select(r => new RegionOption(r.Slug, r.Name)).ToListAsync(cancellationToken);
        return new ReviewQueueViewModel(input, counts.GetValueOrDefault(RigStatus.Submitted), counts.GetValueOrDefault(RigStatus.ChangesRequested), changes, items, total, regions, now);
    }

    public async Task<ReviewPageViewModel?> PageAsync(int id, DecisionInput decision, CancellationToken cancellationToken)
    {
        var rig = await db.Rigs.AsNoTracking()
            .Include(r => r.School).ThenInclude(s => s!.Jurisdiction).ThenInclude(j => j!.Region)
            .Include(r => r.Sponsors)
            .Include(r => r.Officers).ThenInclude(o => o.User)
            .Include(r => r.Invitations)
            .Include(r => r.Events)
            .Include(r => r.PendingSchool)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return null;
        }

        var duplicates = await db.Rigs.AsNoTracking()
            .Where(r => r.SchoolId == rig.SchoolId && r.Id != rig.Id)
            .Select(r => new DuplicateRow(r.Id, r.Slug, r.Name, r.Status))
            .ToListAsync(cancellationToken);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RigId == id)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new HistoryRow(a.OccurredAt, a.UserDisplayName, a.Action, a.FromStatus, a.ToStatus, a.Note, a.Changes))
            .ToListAsync(cancellationToken);
        decision.Version = rig.Version;
        return new ReviewPageViewModel(
            RegistrationViewModel.From(rig, reviewNote: null),
            RigSummary.From(rig),
            rig.School!.Jurisdiction?.Region?.Name ?? "",
            rig.SubmittedAt,
            rig.Officers.Where(o => o.EndedAt == null).Select(o => o.User?.Email ?? "").ToList(),
            duplicates,
            history,
            PendingChanges(rig),
            decision,
            null);
    }

    /// <summary>What a change request would change, current beside requested.</summary>
    private static List<ChangeRow> PendingChanges(Rig rig)
    {
        var comparison = new List<ChangeRow>();
        if (rig.PendingName is not null)
        {
            comparison.Add(new ChangeRow("Name", rig.Name, rig.PendingName));
        }

        if (rig.PendingSchool is not null)
        {
            comparison.Add(new ChangeRow("School", rig.School!.DisplayName, rig.PendingSchool.DisplayName));
        }

        return comparison;
    }
}
