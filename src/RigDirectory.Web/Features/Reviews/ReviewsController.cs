using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Register;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Reviews;

/// <summary>The ACR review desk: a queue of registrations, and approve / request changes / reject with a note.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/reviews")]
public sealed class ReviewsController(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    DirectoryCache directoryCache,
    RigMailer mailer,
    PublicUrls urls,
    TimeProvider clock) : Controller
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
    public async Task<IActionResult> Decide(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.Officers).ThenInclude(o => o.User).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return NotFound();
        }

        var to = input.Action switch
        {
            ReviewAction.Approve => RigStatus.Approved,
            ReviewAction.RequestChanges => RigStatus.ChangesRequested,
            _ => RigStatus.Rejected,
        };
        if (to != RigStatus.Approved && string.IsNullOrWhiteSpace(input.Note))
        {
            ModelState.AddModelError("Decision.Note", "Write a note: the leaders see it and need to know what to do next.");
        }

        if (rig.Version != input.Version)
        {
            return await ConflictAsync(id, cancellationToken);
        }

        var refusal = RegistrationWorkflow.Refusal(rig.Status, to, RegistrationActor.Reviewer);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Show), await PageAsync(id, input, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = rig.Status;
        rig.Status = to;
        rig.UpdatedAt = now;
        if (to == RigStatus.Approved)
        {
            rig.ApprovedAt = now;
            rig.LastVerifiedAt = rig.SubmittedAt ?? now;
            if (rig.School!.Status == SchoolStatus.Requested)
            {
                rig.School.Status = SchoolStatus.Listed;
                rig.School.UpdatedAt = now;
            }
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        db.AuditEntries.Add(AuditEntry.ForRig(rig.Id, input.Action.ToString(), now, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name, note, from, to));
        if (!await SaveIfUnchangedAsync(rig, input.Version, cancellationToken))
        {
            return await ConflictAsync(id, cancellationToken);
        }

        var officers = rig.Officers.Where(o => o.EndedAt == null && o.User is not null).Select(o => o.User!).ToList();
        if (to == RigStatus.Approved)
        {
            foreach (var officer in officers)
            {
                if (!await users.IsInRoleAsync(officer, Roles.RigLeader))
                {
                    await users.AddToRoleAsync(officer, Roles.RigLeader);
                }
            }

            await directoryCache.EvictAsync(cancellationToken);
        }

        await NotifyLeadersAsync(rig, officers, to, note, cancellationToken);
        TempData["StatusMessage"] = $"{rig.Name}: {to.DisplayName().ToLowerInvariant()}. The leaders were emailed.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Approves or rejects a pending change of name or school to an approved RIG.</summary>
    [HttpPost("{id:int}/change")]
    public async Task<IActionResult> DecideChange(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.PendingSchool).Include(r => r.Officers).ThenInclude(o => o.User)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return NotFound();
        }

        if (rig.Version != input.Version)
        {
            return await ConflictAsync(id, cancellationToken);
        }

        if (!rig.HasPendingChange || rig.Status != RigStatus.Approved)
        {
            ModelState.AddModelError(string.Empty, "This RIG has no change waiting for review.");
        }

        if (input.Action != ReviewAction.Approve && string.IsNullOrWhiteSpace(input.Note))
        {
            ModelState.AddModelError("Decision.Note", "Write a note: the leaders see it and need to know what to do next.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Show), await PageAsync(id, input, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new Dictionary<string, object?>();
        if (rig.PendingName is not null)
        {
            changes["Name"] = new { before = rig.Name, after = rig.PendingName };
        }

        if (rig.PendingSchool is not null)
        {
            changes["School"] = new { before = rig.School!.DisplayName, after = rig.PendingSchool.DisplayName };
        }

        var approve = input.Action == ReviewAction.Approve;
        if (approve)
        {
            rig.Name = rig.PendingName ?? rig.Name;
            rig.SchoolId = rig.PendingSchoolId ?? rig.SchoolId;
            rig.UpdatedAt = now;
        }

        rig.PendingName = null;
        rig.PendingSchoolId = null;
        rig.ChangeRequestedAt = null;
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        db.AuditEntries.Add(AuditEntry.ForRig(rig.Id, approve ? "ChangeApproved" : "ChangeRejected", now, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name,
            note, changes: System.Text.Json.JsonSerializer.Serialize(changes)));
        if (!await SaveIfUnchangedAsync(rig, input.Version, cancellationToken))
        {
            return await ConflictAsync(id, cancellationToken);
        }

        if (approve)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }

        var officers = rig.Officers.Where(o => o.EndedAt == null && o.User is not null).Select(o => o.User!).ToList();
        await SendToLeadersAsync(rig, officers,
            approve ? $"Change approved for {rig.Name}" : $"Change not approved for {rig.Name}",
            approve ? $"<p>ACR approved the change to <strong>{Encode(rig.Name)}</strong>; the directory shows it now.</p>" : $"<p>ACR did not approve the change of name or school for <strong>{Encode(rig.Name)}</strong>; the directory keeps the approved version.</p>",
            note, cancellationToken);
        TempData["StatusMessage"] = $"{rig.Name}: change {(approve ? "approved" : "not approved")}. The leaders were emailed.";
        return RedirectToAction(nameof(Index), new { changes = true });
    }

    /// <summary>
    /// Saves only if the registration is still at the version the reviewer saw; otherwise someone else got
    /// there first, and nothing is written.
    /// </summary>
    private async Task<bool> SaveIfUnchangedAsync(Rig rig, int seenVersion, CancellationToken cancellationToken)
    {
        db.Entry(rig).Property(r => r.Version).OriginalValue = seenVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "Someone else changed this registration while you were looking at it. This is its current state; decide again if it still needs you.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        var page = await PageAsync(id, new DecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(nameof(Show), page);
    }

    private async Task NotifyLeadersAsync(Rig rig, IReadOnlyList<ApplicationUser> officers, RigStatus to, string? note, CancellationToken cancellationToken)
    {
        var (subject, body) = to switch
        {
            RigStatus.Approved => ($"{rig.Name} is approved", $"<p>ACR approved <strong>{Encode(rig.Name)}</strong>. It is now in the directory, and you can keep it current from My RIGs.</p>"),
            RigStatus.ChangesRequested => ($"Changes requested for {rig.Name}", $"<p>ACR asked for changes to the registration of <strong>{Encode(rig.Name)}</strong>. Make them and submit again; nothing you entered is lost.</p>"),
            _ => ($"{rig.Name} was not approved", $"<p>ACR did not approve the registration of <strong>{Encode(rig.Name)}</strong>.</p>"),
        };
        await SendToLeadersAsync(rig, officers, subject, body, note, cancellationToken);
    }

    private async Task SendToLeadersAsync(Rig rig, IReadOnlyList<ApplicationUser> officers, string subject, string body, string? note, CancellationToken cancellationToken)
    {
        var link = urls.Action("Index", "MyRigs");
        var html = body + (note is null ? "" : $"<p>The reviewer's note:</p><blockquote>{Encode(note)}</blockquote>") + $"<p><a href=\"{Encode(link)}\">Open My RIGs</a></p>";
        foreach (var officer in officers.Where(o => !string.IsNullOrEmpty(o.Email)))
        {
            await mailer.SendAsync(rig.Id, officer.Email!, subject, html, cancellationToken);
        }
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
            .Select(a => new HistoryRow(a.OccurredAt, a.UserDisplayName, a.Action, a.FromStatus, a.ToStatus, a.Note))
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
            decision);
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}

public enum ReviewAction
{
    Approve = 0,
    RequestChanges = 1,
    Reject = 2,
}

public sealed class DecisionInput
{
    public ReviewAction Action { get; set; }

    [StringLength(Limits.LongText)]
    public string? Note { get; set; }

    /// <summary>The version of the registration the reviewer was looking at.</summary>
    public int Version { get; set; }
}

public sealed class ReviewQueueInput
{
    [FromQuery(Name = "status")]
    public RigStatus Status { get; set; } = RigStatus.Submitted;

    /// <summary>Changes of name or school to approved RIGs instead of registrations.</summary>
    [FromQuery(Name = "changes")]
    public bool Changes { get; set; }

    [FromQuery(Name = "region")]
    [StringLength(Limits.Slug)]
    public string? Region { get; set; }

    [FromQuery(Name = "older-than")]
    [Range(0, 3650)]
    public int? OlderThanDays { get; set; }

    [FromQuery(Name = "page")]
    [Range(1, 10_000)]
    public int Page { get; set; } = 1;
}

public sealed record RegionOption(string Slug, string Name);

public sealed record ReviewQueueItem(int Id, string Name, string School, string? Campus, bool SchoolRequested, string Region, DateTime? SubmittedAt, int Sponsors, int ConfirmedSponsors);

public sealed record ReviewQueueViewModel(
    ReviewQueueInput Input, int Submitted, int ChangesRequested, int PendingChanges, IReadOnlyList<ReviewQueueItem> Items, int Total, IReadOnlyList<RegionOption> Regions, DateTime Now)
{
    public int Pages => Math.Max(1, (Total + ReviewsController.PageSize - 1) / ReviewsController.PageSize);
}

public sealed record DuplicateRow(int Id, string Slug, string Name, RigStatus Status);

public sealed record HistoryRow(DateTime At, string? Who, string Action, RigStatus? From, RigStatus? To, string? Note);

public sealed record ReviewPageViewModel(
    RegistrationViewModel Registration,
    RigSummary Summary,
    string Region,
    DateTime? SubmittedAt,
    IReadOnlyList<string> OfficerEmails,
    IReadOnlyList<DuplicateRow> Duplicates,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<ChangeRow> PendingChange,
    DecisionInput Decision);

/// <summary>One field of a change waiting for review: what the directory shows now and what the leaders asked for.</summary>
public sealed record ChangeRow(string Field, string Live, string Proposed);
