using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Administration.SecurityEvents;

/// <summary>The security log for admins: read only, newest first, filtered by address or kind. Nothing here edits it.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/security-events")]
public sealed class SecurityEventsController(AppDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(SecurityEventFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new SecurityEventFilter();
        }

        var events = db.SecurityEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            var email = filter.Email.Trim();
            events = events.Where(e => e.Email == email);
        }

        if (filter.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }

        var rows = await events.OrderByDescending(e => e.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new SecurityEventRow(e.OccurredAt, e.Kind, e.Email, e.IpAddress, e.ActorUserId, e.Detail))
            .ToListAsync(cancellationToken);
        return View(new SecurityEventsViewModel(filter, rows.Take(PageSize).ToList(), rows.Count > PageSize));
    }
}

public sealed class SecurityEventFilter
{
    [StringLength(EmailAddressRules.MaxLength)]
    public string? Email { get; set; }

    public SecurityEventKind? Kind { get; set; }

    [Range(1, 10_000)]
    public int Page { get; set; } = 1;
}

public sealed record SecurityEventRow(DateTime At, SecurityEventKind Kind, string? Email, string? IpAddress, string? ActorUserId, string? Detail);

public sealed record SecurityEventsViewModel(SecurityEventFilter Filter, IReadOnlyList<SecurityEventRow> Rows, bool HasMore);
