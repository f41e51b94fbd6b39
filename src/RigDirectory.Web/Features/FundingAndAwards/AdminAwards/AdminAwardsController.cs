using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.FundingAndAwards.AdminAwards;

/// <summary>Admins define awards, read each nomination beside the RIG's record in the directory, and choose the winners.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/awards")]
public sealed class AdminAwardsController(AppDbContext db, Recognition recognition, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new AwardsConsoleViewModel(await RowsAsync(cancellationToken), new AwardInput { Year = clock.GetUtcNow().Year + 1 }));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] AwardInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await recognition.CreateAwardAsync(input, cancellationToken);
            if (result.Succeeded)
            {
                return this.Done(result, RedirectToAction(nameof(Index)));
            }

            this.Failure(result);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(nameof(Index), new AwardsConsoleViewModel(await RowsAsync(cancellationToken), input));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new AwardNominations(a.Slug, a.Title, a.Criteria,
                a.Nominations.OrderByDescending(n => n.SelectedAt != null).ThenBy(n => n.Rig!.Name)
                    .Select(n => new NominationRow(n.Id, n.Rig!.Name, n.Rig.School!.Name, n.NominatedBy, n.NominatedAt, n.SelectedAt != null)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        return award is null ? NotFound() : View(award);
    }

    /// <summary>A nomination beside the RIG's record: its events of the past year, its funding reports, its verification and its mentors.</summary>
    [HttpGet("nominations/{id:int}")]
    public async Task<IActionResult> Nomination(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var yearAgo = now - EventRules.RecordSpan;
        var page = await db.Nominations.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new NominationViewModel(
                n.Id,
                n.Award!.Slug,
                n.Award.Title,
                n.Rig!.Slug,
                n.Rig.Name,
                n.Rig.School!.Name,
                n.Statement,
                n.NominatedBy,
                n.NominatedAt,
                n.SelectedAt != null,
                n.Rig.LastVerifiedAt,
                n.Rig.ApprovedAt,
                n.Rig.Events.AsQueryable().Where(EventRules.Scheduled).Where(e => e.HiddenAt == null && e.EndsAt < now && e.StartsAt >= yearAgo)
                    .OrderByDescending(e => e.StartsAt).Select(e => new HeldEvent(e.Title, e.Type, e.StartsAt)).ToList(),
                n.Rig.FundingApplications.Where(a => a.ReportedAt != null).OrderByDescending(a => a.ReportedAt)
                    .Select(a => new FundingReport(a.Id, a.Call!.Title, a.AmountAwarded ?? 0, a.ReportAttendance ?? 0, a.ReportSummary!)).ToList(),
                n.Rig.Mentors.Select(m => m.Mentor!).AsQueryable().Where(MentoringRules.IsFindable).Select(m => m.User!.DisplayName).ToList(),
                now))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("nominations/{id:int}/select")]
    public async Task<IActionResult> Select(int id, [FromForm] bool winner, CancellationToken cancellationToken)
    {
        var result = await recognition.SelectAsync(id, winner, cancellationToken);
        return result.Outcome == Outcome.Conflict
            ? this.Done(LifecycleResult.Ok("Another admin changed this award's winners at the same moment: look again and choose."), RedirectToAction(nameof(Nomination), new { id }))
            : this.Failure(result) ?? this.Done(result, RedirectToAction(nameof(Nomination), new { id }));
    }

    private Task<List<AwardRow>> RowsAsync(CancellationToken cancellationToken) =>
        db.Awards.AsNoTracking().OrderByDescending(a => a.Year).ThenBy(a => a.Name)
            .Select(a => new AwardRow(a.Slug, a.Title, a.Year, a.Nominations.Count, a.Nominations.Count(n => n.SelectedAt != null)))
            .ToListAsync(cancellationToken);
}

public sealed record AwardRow(string Slug, string Title, int Year, int Nominations, int Winners);

public sealed record AwardsConsoleViewModel(IReadOnlyList<AwardRow> Awards, AwardInput Input);

public sealed record NominationRow(int Id, string RigName, string School, string NominatedBy, DateTime NominatedAt, bool Winner);

public sealed record AwardNominations(string Slug, string Title, string Criteria, IReadOnlyList<NominationRow> Nominations);

public sealed record HeldEvent(string Title, EventType Type, DateTime StartsAt);

public sealed record FundingReport(int ApplicationId, string CallTitle, int Awarded, int Attendance, string Summary);

public sealed record NominationViewModel(
    int Id,
    string AwardSlug,
    string AwardTitle,
    string RigSlug,
    string RigName,
    string School,
    string Statement,
    string NominatedBy,
    DateTime NominatedAt,
    bool Winner,
    DateTime? LastVerifiedAt,
    DateTime? ApprovedAt,
    IReadOnlyList<HeldEvent> Events,
    IReadOnlyList<FundingReport> Reports,
    IReadOnlyList<string> Mentors,
    DateTime Now)
{
    public bool IsStale => RigFreshness.IsStale(LastVerifiedAt, ApprovedAt, Now);
}
