using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.MyRigs;

/// <summary>The RIGs the signed-in user leads or is registering, with where each stands.</summary>
[Route("my/rigs")]
public sealed class MyRigsController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var rigs = await db.RigOfficers.AsNoTracking()
            .Where(o => o.UserId == userId && o.EndedAt == null)
            .OrderBy(o => o.Rig!.Name)
            .Select(o => new MyRigViewModel(o.Rig!.Name, o.Rig.School!.Name, o.Rig.School.Campus, o.Position, o.Rig.Status, o.Rig.LastVerifiedAt))
            .ToListAsync(cancellationToken);
        return View(rigs);
    }
}

public sealed record MyRigViewModel(string Name, string School, string? Campus, string Position, RigStatus Status, DateTime? LastVerifiedAt);
