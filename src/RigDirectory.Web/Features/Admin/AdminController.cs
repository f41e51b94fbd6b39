using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Admin;

[Authorize(Policy = Policies.Administer)]
[Route("admin")]
public sealed class AdminController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var byStatus = await db.Rigs.AsNoTracking()
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var schools = await db.Schools.AsNoTracking()
            .Where(s => s.Status == SchoolStatus.Listed)
            .GroupBy(s => 1)
            .Select(g => new { Total = g.Count(), WithRig = g.Count(s => s.Rigs.Any(r => r.Status == RigStatus.Approved)) })
            .FirstOrDefaultAsync(cancellationToken);
        var failedEmails = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "EmailFailed")
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(20)
            .Select(a => new FailedEmail(a.OccurredAt, a.RigId, a.Note))
            .ToListAsync(cancellationToken);
        var model = new AdminDashboardViewModel(
            Enum.GetValues<RigStatus>().Select(s => new StatusCount(s, byStatus.GetValueOrDefault(s))).ToList(),
            schools?.Total ?? 0,
            schools?.WithRig ?? 0,
            failedEmails);
        return View(model);
    }
}

public sealed record StatusCount(RigStatus Status, int Count);

public sealed record FailedEmail(DateTime At, int? RigId, string? What);

public sealed record AdminDashboardViewModel(IReadOnlyList<StatusCount> RigsByStatus, int Schools, int SchoolsWithRig, IReadOnlyList<FailedEmail> FailedEmails)
{
    public int AwaitingReview => RigsByStatus.Where(s => s.Status == RigStatus.Submitted).Sum(s => s.Count);
}
