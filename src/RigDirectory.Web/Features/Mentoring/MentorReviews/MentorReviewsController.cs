using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Mentoring;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Mentoring.MentorReviews;

/// <summary>Offers to mentor on the review desk: approve, request changes or reject with a note; a mentor's file; deactivation.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/reviews/mentors")]
public sealed class MentorReviewsController(MentorAdminQueries queries, MentorLifecycle mentors) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] MentorStatus status = MentorStatus.Submitted, [FromQuery, Range(1, 10_000)] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(status))
        {
            return BadRequest();
        }

        return View(await queries.QueueAsync(status, page, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) => await PageAsync(id, new DecisionInput(), new MentoringNoteInput(), cancellationToken);

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Decide(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, ModelState.IsValid ? await mentors.DecideAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), input, new MentoringNoteInput(), cancellationToken);

    [HttpPost("{id:int}/deactivate")]
    public async Task<IActionResult> Deactivate(int id, [Bind(Prefix = "Deactivate")] MentoringNoteInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, ModelState.IsValid ? await mentors.DeactivateAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), new DecisionInput(), input, cancellationToken);

    private async Task<IActionResult> TranslateAsync(int id, LifecycleResult result, DecisionInput decision, MentoringNoteInput deactivate, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction(nameof(Show), new { id }));
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        if (result.Outcome == Outcome.Conflict)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Someone else changed this offer while you were looking at it. This is its current state; decide again if it still needs you.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await PageAsync(id, new DecisionInput(), new MentoringNoteInput(), cancellationToken);
        }

        return await PageAsync(id, decision, deactivate, cancellationToken);
    }

    private async Task<IActionResult> PageAsync(int id, DecisionInput decision, MentoringNoteInput deactivate, CancellationToken cancellationToken) =>
        await queries.FileAsync(id, decision, deactivate, cancellationToken) is { } page ? View(nameof(Show), page) : NotFound();
}
