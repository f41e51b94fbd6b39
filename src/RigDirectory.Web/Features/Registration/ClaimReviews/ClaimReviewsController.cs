using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Registration.ClaimReviews;

/// <summary>The review desk's claims: students asking to lead RIGs whose officers have graduated.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/claims")]
public sealed class ClaimReviewsController(ClaimQueries queries, RigClaims claims) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ClaimStatus status = ClaimStatus.Waiting, [FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        View(await queries.QueueAsync(Enum.IsDefined(status) ? status : ClaimStatus.Waiting, page, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var page = await queries.PageAsync(id, new ClaimDecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(page with { Decision = new ClaimDecisionInput { Version = page.Version } });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Decide(int id, [Bind(Prefix = "Decision")] ClaimDecisionInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await claims.DecideAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Outcome is Outcome.Ok)
        {
            return this.Done(result, RedirectToAction(nameof(Index)));
        }

        if (result.Outcome is Outcome.Conflict or Outcome.Refused)
        {
            TempData.SetStatus(result.Message ?? "Someone decided this claim meanwhile; here it is as it is now.");
            return RedirectToAction(nameof(Show), new { id });
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        var page = await queries.PageAsync(id, input, cancellationToken);
        return page is null ? NotFound() : View(nameof(Show), page);
    }
}
