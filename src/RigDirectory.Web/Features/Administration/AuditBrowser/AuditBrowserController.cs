using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Administration.AuditBrowser;

/// <summary>
/// Every audited change, newest first, filtered by RIG, user, action and date; one entry's before and after, with
/// a revert for each field of a RIG's profile it changed.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/audit")]
public sealed class AuditBrowserController(AppDbContext db, AuditReverts reverts) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(AuditFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new AuditFilter();
        }

        var rows = await Rows(Filtered(filter).OrderByDescending(a => a.Id).Skip((filter.Page - 1) * PageSize).Take(PageSize + 1))
            .ToListAsync(cancellationToken);
        return View(new AuditBrowserViewModel(filter, rows.Take(PageSize).ToList(), rows.Count > PageSize));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken)
    {
        var row = await Rows(db.AuditEntries.AsNoTracking().Where(a => a.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? NotFound() : View(row);
    }

    /// <summary>Puts one field back as the entry found it; refused (nothing written) when the field changed again since.</summary>
    [HttpPost("{id:long}/revert")]
    public async Task<IActionResult> Revert(long id, [FromForm, Required, StringLength(64)] string field, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var result = await reverts.RevertAsync(id, field, cancellationToken);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData.SetStatus(result.Message);
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>Entries as the log shows them, each with its RIG's name and slug (null for changes outside any RIG).</summary>
    private IQueryable<AuditRow> Rows(IQueryable<AuditEntry> entries) => entries.Select(a => new AuditRow(a.Id, a.OccurredAt, a.UserDisplayName, a.Action, a.EntityType, a.EntityId,
        db.Rigs.Where(r => r.Id == a.RigId).Select(r => r.Name).FirstOrDefault(), db.Rigs.Where(r => r.Id == a.RigId).Select(r => r.Slug).FirstOrDefault(), a.Note, a.Changes));

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Rig))
        {
            var pattern = LikePatterns.Containing(filter.Rig);
            var rigs = db.Rigs.Where(r => r.Slug == filter.Rig.Trim() || EF.Functions.Like(r.Name, pattern, LikePatterns.Escape)).Select(r => (int?)r.Id);
            entries = entries.Where(a => rigs.Contains(a.RigId));
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var text = filter.User.Trim();
            var normalized = text.ToUpperInvariant();
            var byEmail = db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id);
            var pattern = LikePatterns.Containing(text);
            entries = entries.Where(a => byEmail.Contains(a.UserId) || EF.Functions.Like(a.UserDisplayName, pattern, LikePatterns.Escape));
        }

        if (filter.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAt < end);
        }

        return entries;
    }
}

/// <summary>The log's filters, from the query string only (a route value named "action" would otherwise bind too).</summary>
public sealed class AuditFilter
{
    /// <summary>A RIG's slug, or part of its name.</summary>
    [StringLength(Limits.Name)]
    [FromQuery(Name = "rig")]
    public string? Rig { get; set; }

    /// <summary>A user's email, or part of their name.</summary>
    [StringLength(Limits.Email)]
    [FromQuery(Name = "user")]
    public string? User { get; set; }

    [FromQuery(Name = "action")]
    public AuditAction? Action { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [Range(1, 10_000)]
    [FromQuery(Name = "page")]
    public int Page { get; set; } = 1;
}

public sealed record AuditRow(long Id, DateTime At, string? Who, AuditAction Action, string EntityType, string EntityId, string? Rig, string? RigSlug, string? Note, string? Changes)
{
    public AuditChanges Parsed => AuditChanges.Parse(Changes);
}

public sealed record AuditBrowserViewModel(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, bool HasMore);
