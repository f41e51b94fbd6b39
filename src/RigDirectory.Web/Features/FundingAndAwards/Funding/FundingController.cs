using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.FundingAndAwards.Funding;

/// <summary>
/// Workshop funding as RIGs see it: the calls (public, so students and sponsors can read them), and for a RIG's
/// leaders their own applications only: another RIG's application answers 404, never a hint it exists.
/// </summary>
[Route("funding")]
public sealed class FundingController(AppDbContext db, FundingQueries queries, FundingApplications applications, TimeProvider clock) : Controller
{
    private const string FormView = "~/Features/FundingAndAwards/Funding/Apply.cshtml";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? UserId => this.Actor().UserId;

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new FundingIndexViewModel(
            await db.FundingCalls.AsNoTracking().OrderByDescending(c => c.ClosesAt).Take(50)
                .Select(c => new CallCard(c.Slug, c.Title, c.Funds, c.MaxAward, c.OpensAt, c.ClosesAt)).ToListAsync(cancellationToken),
            UserId is { } userId ? await queries.MineAsync(userId, cancellationToken) : [],
            Now));

    [AllowAnonymous]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Call(string slug, CancellationToken cancellationToken)
    {
        var call = await db.FundingCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var rigs = UserId is { } userId ? await queries.ApplicantsAsync(call, userId, cancellationToken) : [];
        return View(new CallViewModel(call, rigs, Now));
    }

    [Authorize(Policy = Policies.LeadRig)]
    [HttpGet("{slug}/apply")]
    public async Task<IActionResult> Apply(string slug, [FromQuery] int rig, CancellationToken cancellationToken)
    {
        var existing = await db.FundingApplications.AsNoTracking().Where(a => a.Call!.Slug == slug && a.RigId == rig && db.Rigs.LedBy(UserId!).Any(r => r.Id == a.RigId)).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return RedirectToAction(nameof(Application), new { id });
        }

        var form = await queries.FormAsync(slug, rig, UserId!, new FundingApplicationInput(), cancellationToken);
        return form is null ? NotFound() : View(FormView, form);
    }

    /// <summary><paramref name="submit"/>: "submit" sends the application to ACR; anything else saves a draft.</summary>
    [Authorize(Policy = Policies.LeadRig)]
    [HttpPost("{slug}/apply")]
    public async Task<IActionResult> Save(string slug, [FromQuery] int rig, [Bind(Prefix = "Input")] FundingApplicationInput input, [FromForm] string? submit, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (result, id) = await applications.SaveAsync(slug, rig, input, submit == "submit", this.Actor(), cancellationToken);
            switch (result.Outcome)
            {
                case Outcome.Ok:
                    return this.Done(result, RedirectToAction(nameof(Application), new { id }));
                case Outcome.Conflict:
                    TempData.SetStatus("A co-leader saved this application while you were editing: here it is as it is now; your changes were not saved.");
                    return id is null ? RedirectToAction(nameof(Apply), new { slug, rig }) : RedirectToAction(nameof(Application), new { id });
                default:
                    if (this.FormAgain(result) is { } failure)
                    {
                        return failure;
                    }

                    break;
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var form = await queries.FormAsync(slug, rig, UserId!, input, cancellationToken);
        return form is null ? NotFound() : View(FormView, form);
    }

    [Authorize(Policy = Policies.LeadRig)]
    [HttpGet("applications/{id:int}")]
    public async Task<IActionResult> Application(int id, CancellationToken cancellationToken)
    {
        var page = await queries.ApplicationAsync(id, UserId!, admin: false, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var form = page.Editable ? await queries.FormAsync(page.CallSlug, page.RigId, UserId!, page.Input, cancellationToken) : null;
        return View(page with { Form = form });
    }

    /// <summary>A report photo, for the RIG's leaders and ACR only; always downloaded, with the type its bytes showed.</summary>
    [HttpGet("applications/{id:int}/photos/{photoId:int}")]
    public async Task<IActionResult> Photo(int id, int photoId, [FromServices] ResourceFileStore files, [FromServices] IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var admin = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
        var photo = await queries.PhotoAsync(id, photoId, UserId!, admin, cancellationToken);
        return photo is null ? NotFound() : PhysicalFile(files.PathOf(photo.StoredName), photo.ContentType, photo.FileName);
    }

    [Authorize(Policy = Policies.LeadRig)]
    [HttpGet("applications/{id:int}/report")]
    public async Task<IActionResult> Report(int id, CancellationToken cancellationToken)
    {
        var page = await queries.ApplicationAsync(id, UserId!, admin: false, cancellationToken);
        return page is null ? NotFound() : !page.CanReport ? RedirectToAction(nameof(Application), new { id }) : View(new ReportViewModel(page, new FundingReportInput()));
    }

    [Authorize(Policy = Policies.LeadRig)]
    [HttpPost("applications/{id:int}/report")]
    public async Task<IActionResult> FileReport(int id, [Bind(Prefix = "Input")] FundingReportInput input, List<IFormFile> photos, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var streams = photos.Where(p => p.Length > 0).Select(p => (FileName: (string?)p.FileName, Content: p.OpenReadStream())).ToList();
            try
            {
                var result = await applications.ReportAsync(id, input, streams, this.Actor(), cancellationToken);
                if (result.Outcome is Outcome.Ok or Outcome.Refused or Outcome.Conflict)
                {
                    return this.Done(result, RedirectToAction(nameof(Application), new { id }));
                }

                if (this.Failure(result) is { } failure)
                {
                    return failure;
                }
            }
            finally
            {
                streams.ForEach(s => s.Content.Dispose());
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var page = await queries.ApplicationAsync(id, UserId!, admin: false, cancellationToken);
        return page is null ? NotFound() : View(nameof(Report), new ReportViewModel(page, input));
    }
}
