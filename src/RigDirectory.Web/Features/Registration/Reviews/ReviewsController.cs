using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Registration.Reviews;

/// <summary>The ACR review desk: a queue of registrations, approve / request changes / reject with a note, and archive or restore.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/reviews")]
public sealed class ReviewsController(ReviewQueries queries, RigLifecycle lifecycle) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ReviewQueueInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            input = new ReviewQueueInput();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(await queries.QueueAsync(input, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var page = await queries.PageAsync(id, new DecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Decide(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, input, null, ModelState.IsValid ? await lifecycle.DecideAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Index)), cancellationToken);

    /// <summary>Approves or rejects a pending change of name or school to an approved RIG.</summary>
    [HttpPost("{id:int}/change")]
    public async Task<IActionResult> DecideChange(int id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, input, null, ModelState.IsValid ? await lifecycle.DecideChangeAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Index), new { changes = true }), cancellationToken);

    [HttpPost("{id:int}/archive")]
    public async Task<IActionResult> Archive(int id, [Bind(Prefix = "Status")] StatusChangeInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, null, input, ModelState.IsValid ? await lifecycle.ArchiveAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Show), new { id }), cancellationToken);

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, [Bind(Prefix = "Status")] StatusChangeInput input, CancellationToken cancellationToken) =>
        await TranslateAsync(id, null, input, ModelState.IsValid ? await lifecycle.RestoreAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]), RedirectToAction(nameof(Show), new { id }), cancellationToken);

    private async Task<IActionResult> TranslateAsync(int id, DecisionInput? decision, StatusChangeInput? status, LifecycleResult result, IActionResult whenDone, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return this.Done(result, whenDone);
        }

        if (result.Outcome == Outcome.Conflict)
        {
            return await ConflictAsync(id, cancellationToken);
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        var page = await queries.PageAsync(id, decision ?? new DecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(nameof(Show), page with { StatusNote = status?.Note });
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "Someone else changed this registration while you were looking at it. This is its current state; decide again if it still needs you.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        var page = await queries.PageAsync(id, new DecisionInput(), cancellationToken);
        return page is null ? NotFound() : View(nameof(Show), page);
    }
}
