using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Administration.Admin;

[Authorize(Policy = Policies.Administer)]
[Route("admin")]
public sealed class AdminController(AppDbContext db, Outbox outbox) : Controller
{
    public const int FailedEmailsShown = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var byStatus = await db.Rigs.AsNoTracking()
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var schools = await db.Schools.AsNoTracking()
            .Listed()
            .GroupBy(s => 1)
            .Select(g => new { Total = g.Count(), WithRig = g.Count(s => s.Rigs.AsQueryable().Any(RigVisibility.IsPublic)) })
            .FirstOrDefaultAsync(cancellationToken);
        var failed = db.OutboxMessages.AsNoTracking().Where(m => m.FailedAt != null);
        var failedEmails = await failed
            .OrderByDescending(m => m.FailedAt).ThenByDescending(m => m.Id)
            .Take(FailedEmailsShown)
            .Select(m => new FailedEmail(m.Id, m.FailedAt!.Value, m.RigId, m.Recipient, m.Subject, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        var waiting = await Waiting.ForRequestAsync(HttpContext, db);
        var model = new AdminDashboardViewModel(
            Enum.GetValues<RigStatus>().Select(s => new StatusCount(s, byStatus.GetValueOrDefault(s))).ToList(),
            schools?.Total ?? 0,
            schools?.WithRig ?? 0,
            failedEmails,
            await failed.CountAsync(cancellationToken),
            waiting);
        return View(model);
    }

    /// <summary>Queues an email that failed every retry again, from its first attempt.</summary>
    [HttpPost("emails/{id:long}/send-again")]
    public async Task<IActionResult> SendAgain(long id, CancellationToken cancellationToken)
    {
        TempData.SetStatus(await outbox.SendAgainAsync(id, cancellationToken)
            ? "The email is queued again; it goes out within a minute if the mail server answers."
            : "That email is no longer waiting: it was already sent again.");
        return RedirectToAction(nameof(Index));
    }
}

public sealed record StatusCount(RigStatus Status, int Count);

public sealed record FailedEmail(long Id, DateTime At, int? RigId, string To, string Subject, int Attempts, string? Error);

public sealed record AdminDashboardViewModel(IReadOnlyList<StatusCount> RigsByStatus, int Schools, int SchoolsWithRig, IReadOnlyList<FailedEmail> FailedEmails, int FailedTotal, Waiting Waiting)
{
    public int AwaitingReview => RigsByStatus.Where(s => RegistrationWorkflow.AwaitingDecision(s.Status)).Sum(s => s.Count);
}
