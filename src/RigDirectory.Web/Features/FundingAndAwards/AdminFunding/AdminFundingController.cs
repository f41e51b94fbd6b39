using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.FundingAndAwards.Funding;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.FundingAndAwards.AdminFunding;

/// <summary>ACR's funding console: calls with their budget used and left, applications by status and region, reports overdue, and the decisions.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/funding")]
public sealed class AdminFundingController(AppDbContext db, FundingCalls calls, FundingApplications applications, FundingQueries queries, TimeProvider clock) : Controller
{
    private const string EditView = "~/Features/FundingAndAwards/AdminFunding/Edit.cshtml";
    public const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var overdueBefore = Domain.Funding.ReportOverdueBefore(clock.GetUtcNow().UtcDateTime);
        return View(new FundingConsoleViewModel(
            await db.FundingCalls.AsNoTracking().OrderByDescending(c => c.ClosesAt)
                .Select(c => new CallRow(c.Slug, c.Title, c.OpensAt, c.ClosesAt, c.Budget, c.Awarded,
                    c.Applications.AsQueryable().Count(Domain.Funding.AwaitingDecision), c.Applications.AsQueryable().Count(Domain.Funding.Submitted)))
                .ToListAsync(cancellationToken),
            await Overdue(db.FundingApplications, overdueBefore).ToListAsync(cancellationToken)));
    }

    /// <summary>A call opening today (on ACR's clock, not UTC's: in the evening Eastern, UTC is already tomorrow) for 30 days.</summary>
    [HttpGet("new")]
    public IActionResult New()
    {
        var today = Domain.Funding.OpensOn(clock.GetUtcNow().UtcDateTime);
        return View(EditView, new CallEditViewModel(null, new FundingCallInput { OpensOn = today, ClosesOn = today.AddDays(30) }));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] FundingCallInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditView, new CallEditViewModel(null, input));
        }

        var (result, slug) = await calls.OpenAsync(input, cancellationToken);
        return this.Done(result, RedirectToAction(nameof(Show), new { slug }));
    }

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var call = await db.FundingCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        return call is null ? NotFound() : View(EditView, new CallEditViewModel(slug, FundingCallInput.From(call)));
    }

    [HttpPost("{slug}/edit")]
    public async Task<IActionResult> Save(string slug, [Bind(Prefix = "Input")] FundingCallInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await calls.EditAsync(slug, input, cancellationToken);
            if (result.Outcome == Outcome.Conflict)
            {
                return this.Done(LifecycleResult.Ok("Another admin changed this call while you were editing: here it is as it is now; your changes were not saved."), RedirectToAction(nameof(Edit), new { slug }));
            }

            if (this.Failure(result) is { } failure)
            {
                return failure;
            }

            if (result.Succeeded)
            {
                return this.Done(result, RedirectToAction(nameof(Show), new { slug }));
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(EditView, new CallEditViewModel(slug, input));
    }

    /// <summary>One call: its budget, its applications counted by status and by region, the list (by status, 25 a page), and its overdue reports.</summary>
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, [FromQuery] FundingStatus? status, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var call = await db.FundingCalls.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Slug, c.Title, c.Budget, c.Awarded, c.OpensAt, c.ClosesAt }).SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        page = Math.Clamp(page, 1, 1000);
        var ofCall = db.FundingApplications.AsNoTracking().Where(a => a.CallId == call.Id);
        var byRegion = await ofCall.GroupBy(a => new { Region = a.Rig!.School!.Jurisdiction!.Region!.Name, a.Status })
            .Select(g => new { g.Key.Region, g.Key.Status, Count = g.Count(), Awarded = g.Sum(a => a.AmountAwarded ?? 0) })
            .ToListAsync(cancellationToken);
        var listed = status is { } s ? ofCall.Where(a => a.Status == s) : ofCall.Where(Domain.Funding.Submitted);
        var rows = await listed.OrderBy(a => a.Status).ThenBy(a => a.SubmittedAt).Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new ApplicationRow(a.Id, a.Rig!.Name, a.Rig.School!.Jurisdiction!.Region!.Name, a.Status, a.AmountAsked, a.AmountAwarded, a.Score, a.SubmittedAt, a.ReportedAt != null))
            .ToListAsync(cancellationToken);
        var overdue = await Overdue(ofCall, Domain.Funding.ReportOverdueBefore(clock.GetUtcNow().UtcDateTime)).ToListAsync(cancellationToken);
        return View(new CallConsoleViewModel(call.Slug, call.Title, call.Budget, call.Awarded, call.OpensAt, call.ClosesAt,
            [.. byRegion.Select(r => new RegionStatusCount(r.Region, r.Status, r.Count, r.Awarded))], status, [.. rows.Take(PageSize)], page, rows.Count > PageSize, overdue));
    }

    [HttpGet("applications/{id:int}")]
    public async Task<IActionResult> Application(int id, CancellationToken cancellationToken)
    {
        var page = await queries.ApplicationAsync(id, this.Actor().UserId!, admin: true, cancellationToken);
        return page is null || Domain.Funding.IsDraft(page.Status) ? NotFound()
            : View(new DecisionViewModel(page, new FundingDecisionInput { Amount = Math.Min(page.AmountAsked, page.Remaining), Version = page.Version, CallVersion = page.CallVersion }));
    }

    [HttpPost("applications/{id:int}/score")]
    public async Task<IActionResult> Score(int id, [FromForm] int? score, [FromForm] int version, CancellationToken cancellationToken)
    {
        var result = await applications.ScoreAsync(id, score, version, cancellationToken);
        return Decided(id, result) ?? await DecisionFormAgainAsync(id, new FundingDecisionInput(), cancellationToken);
    }

    [HttpPost("applications/{id:int}/decide")]
    public async Task<IActionResult> Decide(int id, [Bind(Prefix = "Decision")] FundingDecisionInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await DecisionFormAgainAsync(id, input, cancellationToken);
        }

        var result = await applications.DecideAsync(id, input, this.Actor(), cancellationToken);
        return Decided(id, result) ?? await DecisionFormAgainAsync(id, input, cancellationToken);
    }

    /// <summary>Where a decision goes next: back to the application with its message; null to show the form with its errors.</summary>
    private IActionResult? Decided(int id, LifecycleResult result) => result.Outcome switch
    {
        Outcome.Ok or Outcome.Refused => this.Done(result, RedirectToAction(nameof(Application), new { id })),
        Outcome.Conflict => this.Done(LifecycleResult.Ok("Another admin decided this application, or awarded from the same call, while you were reading: nothing was saved. Here is the budget left now."), RedirectToAction(nameof(Application), new { id })),
        _ => this.Failure(result),
    };

    private async Task<IActionResult> DecisionFormAgainAsync(int id, FundingDecisionInput input, CancellationToken cancellationToken)
    {
        var page = await queries.ApplicationAsync(id, this.Actor().UserId!, admin: true, cancellationToken);
        return page is null ? NotFound() : View(nameof(Application), new DecisionViewModel(page, input));
    }

    private static IQueryable<OverdueRow> Overdue(IQueryable<FundingApplication> applications, DateTime endedBefore) =>
        applications.Where(Domain.Funding.ReportOverdue(endedBefore))
            .OrderBy(a => a.Event!.EndsAt)
            .Select(a => new OverdueRow(a.Id, a.Rig!.Name, a.Call!.Title, a.Event!.Title, a.Event.EndsAt, a.AmountAwarded ?? 0));
}

public sealed record CallRow(string Slug, string Title, DateTime OpensAt, DateTime ClosesAt, int Budget, int Awarded, int Waiting, int Applications);

public sealed record OverdueRow(int Id, string RigName, string CallTitle, string EventTitle, DateTime EventEndedAt, int Awarded);

public sealed record FundingConsoleViewModel(IReadOnlyList<CallRow> Calls, IReadOnlyList<OverdueRow> Overdue);

public sealed record CallEditViewModel(string? Slug, FundingCallInput Input);

public sealed record RegionStatusCount(string Region, FundingStatus Status, int Count, int Awarded);

public sealed record ApplicationRow(int Id, string RigName, string Region, FundingStatus Status, int AmountAsked, int? AmountAwarded, int? Score, DateTime? SubmittedAt, bool Reported)
{
    /// <summary>Awarded and its report not filed yet.</summary>
    public bool ReportOwed => !Reported && Domain.Funding.Awarded(Status);
}

public sealed record CallConsoleViewModel(
    string Slug,
    string Title,
    int Budget,
    int Awarded,
    DateTime OpensAt,
    DateTime ClosesAt,
    IReadOnlyList<RegionStatusCount> ByRegion,
    FundingStatus? Status,
    IReadOnlyList<ApplicationRow> Applications,
    int Page,
    bool HasMore,
    IReadOnlyList<OverdueRow> Overdue)
{
    public static readonly FundingStatus[] Columns = [FundingStatus.Draft, FundingStatus.Submitted, FundingStatus.ChangesRequested, FundingStatus.Awarded, FundingStatus.Declined];

    public int Count(FundingStatus status) => ByRegion.Where(r => r.Status == status).Sum(r => r.Count);
}

public sealed record DecisionViewModel(ApplicationPageViewModel Application, FundingDecisionInput Decision);
