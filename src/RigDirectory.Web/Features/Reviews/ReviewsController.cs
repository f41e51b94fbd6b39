using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Common;
using RigDirectory.Web.Lifecycle;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Reviews;

/// <summary>The ACR review desk: a queue of registrations, approve / request changes / reject with a note, and archive or restore.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/reviews")]
public sealed class ReviewsController(AppDbContext db, RigLifecycle lifecycle, TimeProvider clock) : Controller
{
    public const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(ReviewQueueInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            input = new ReviewQueueInput();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.Rigs.AsNoTracking()
            .Where(r => r.Status == RigStatus.Submitted || r.Status == RigStatus.ChangesRequested)
            .GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var changes = await db.Rigs.AsNoTracking().CountAsync(r => r.Status == RigStatus.Approved && r.ChangeRequestedAt != null, cancellationToken);
        var query = input.Changes
            ? db.Rigs.AsNoTracking().Where(r => r.Status == RigStatus.Approved && r.ChangeRequestedAt != null)
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
            .Select(r => new ReviewQueueItem(r.Id, r.Name, r.School!.Name, r.School.Campus, r.School.Status == SchoolStatus.Requested,
                r.School.Jurisdiction!.Region!.Name, input.Changes ? r.ChangeRequestedAt : r.SubmittedAt, r.Sponsors.Count, r.Sponsors.Count(s => s.ConfirmedAt != null)))
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new RegionOption(r.Slug, r.Name)).ToListAsync(cancellationToken);
        return View(new ReviewQueueViewModel(input, counts.GetValueOrDefault(RigStatus.Submitted), counts.GetValueOrDefault(RigStatus.ChangesRequested), changes, items, total, regions, now));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, new DecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Decide(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, input, null, ModelState.IsValid ? await lifecycle.DecideAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Index)), cancellationToken);

    /// <summary>Approves or rejects a pending change of name or school to an approved RIG.</summary>
    [HttpPost("{id:int}/change")]
    public async Task<IActionResult> DecideChange(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, input, null, ModelState.IsValid ? await lifecycle.DecideChangeAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Index), new { changes = true }), cancellationToken);

    [HttpPost("{id:int}/archive")]
    public async Task<IActionResult> Archive(int id, [Bind(Prefix = "Status")] StatusChangeInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, null, input, ModelState.IsValid ? await lifecycle.ArchiveAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Show), new { id }), cancellationToken);

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, [Bind(Prefix = "Status")] StatusChangeInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, null, input, ModelState.IsValid ? await lifecycle.RestoreAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Show), new { id }), cancellationToken);

    private async Task<IActionResult> TranslateAsync(int id, DecisionInput? decision, StatusChangeInput? status, LifecycleResult result, IActionResult whenDone, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return this.Done(result, whenDone);
        }

        if (result.Outcome == Outcome.Conflict)
        {
            return await ConflictAsync(id, cancellationToken);
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        var page = await PageAsync(id, decision ?? new DecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(nameof(Show), page with { StatusNote = status?.Note });
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "Someone else changed this registration while you were looking at it. This is its current state; decide again if it still needs you.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        var page = await PageAsync(id, new DecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(nameof(Show), page);
    }

    private async Task<ReviewPageViewModel?> PageAsync(int id, DecisionInput decision, CancellationToken cancellationToken)
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

        var comparison = new List<ChangeRow>();
        if (rig.PendingName is not null)
        {
            comparison.Add(new ChangeRow("Name", rig.Name, rig.PendingName));
        }

        if (rig.PendingSchool is not null)
        {
            comparison.Add(new ChangeRow("School", rig.School!.DisplayName, rig.PendingSchool.DisplayName));
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
            comparison,
            decision,
            null);
    }

}
