using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Common;

namespace RigDirectory.Web.Features.MyRigs;

/// <summary>The RIGs the signed-in user leads or is registering, with where each stands.</summary>
[Route("my/rigs")]
public sealed class MyRigsController(AppDbContext db, TimeProvider clock) : Controller
{
    public const string Name = LeaderPages.MyRigsController;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var rigs = await db.Rigs.AsNoTracking()
            .LedBy(userId!)
            .OrderBy(r => r.Name)
            .Select(r => new MyRigViewModel(
                r.Id,
                r.Slug,
                r.Name,
                r.School!.Name,
                r.School.Campus,
                r.Officers.Where(o => o.UserId == userId && o.EndedAt == null).Select(o => o.Position).FirstOrDefault(),
                r.Status,
                r.LastVerifiedAt,
                db.AuditEntries.Where(a => a.RigId == r.Id && a.ToStatus != null && a.Note != null).OrderByDescending(a => a.OccurredAt).Select(a => a.Note).FirstOrDefault(),
                r.Interests.Count,
                r.CoHosting.Count(c => c.AcceptedAt == null && c.Event!.EndsAt > now)))
            .ToListAsync(cancellationToken);
        return View(rigs);
    }
}

public sealed record MyRigViewModel(int Id, string Slug, string Name, string School, string? Campus, string? Position, RigStatus Status, DateTime? LastVerifiedAt, string? ReviewNote, int Interested, int CoHostInvitations)
{
    public bool Editable => RegistrationWorkflow.IsEditableByLeaders(Status);
}
