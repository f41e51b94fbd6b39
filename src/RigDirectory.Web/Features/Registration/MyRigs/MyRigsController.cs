using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration.MyRigs;

/// <summary>
/// A leader's hub: each RIG the signed-in user leads or is registering, with where it stands, what waits for its
/// leaders (a confirmation due, co-hosting invitations, a funding report) and the way to its events, interested
/// students, mentors and funding. One statement, whatever the number of RIGs.
/// </summary>
[Route("my/rigs")]
public sealed class MyRigsController(AppDbContext db, TimeProvider clock) : Controller
{
    public const string Name = LeaderPages.MyRigsController;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = this.Actor().UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var reportDue = Domain.Funding.ReportDueAt(now);
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
                r.CoHosting.Count(c => c.AcceptedAt == null && c.Event!.EndsAt > now),
                r.ApprovedAt,
                r.Events.AsQueryable().Where(EventRules.Scheduled).Count(e => e.EndsAt > now),
                r.Mentors.Count,
                db.FundingApplications.Where(reportDue).Where(a => a.RigId == r.Id)
                    .OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefault(),
                db.FundingApplications.Where(Domain.Funding.Drafts).Count(a => a.RigId == r.Id)))
            .ToListAsync(cancellationToken);
        return View(new MyRigsViewModel(rigs, now));
    }
}

public sealed record MyRigsViewModel(IReadOnlyList<MyRigViewModel> Rigs, DateTime Now);

public sealed record MyRigViewModel(
    int Id,
    string Slug,
    string Name,
    string School,
    string? Campus,
    string? Position,
    RigStatus Status,
    DateTime? LastVerifiedAt,
    string? ReviewNote,
    int Interested,
    int CoHostInvitations,
    DateTime? ApprovedAt,
    int UpcomingEvents,
    int Mentors,
    int? ReportDueApplicationId,
    int DraftApplications)
{
    public bool Editable => RegistrationWorkflow.IsEditableByLeaders(Status);

    public bool Approved => RegistrationWorkflow.IsApproved(Status);

    /// <summary>Not confirmed active for <see cref="RigFreshness.StaleAfterMonths"/> months: the profile says so until a leader confirms.</summary>
    public bool ConfirmationDue(DateTime now) => Approved && RigFreshness.IsStale(LastVerifiedAt, ApprovedAt, now);

    /// <summary>How many things wait for this RIG's leaders.</summary>
    public int ToDos(DateTime now) => (ConfirmationDue(now) ? 1 : 0) + (CoHostInvitations > 0 ? 1 : 0) + (ReportDueApplicationId is null ? 0 : 1) + (DraftApplications > 0 ? 1 : 0);
}
