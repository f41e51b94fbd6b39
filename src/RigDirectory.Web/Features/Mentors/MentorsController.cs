using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Features.Common;
using RigDirectory.Web.Features.Mentoring;
using RigDirectory.Web.Lifecycle;

namespace RigDirectory.Web.Features.Mentors;

/// <summary>Find a mentor (signed in): filter, sort by distance from one's school, read a mentor's page and ask.</summary>
[Route("mentors")]
public sealed class MentorsController(MentoringQueries queries, MentorshipLifecycle mentorships) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(MentorSearchInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            input = new MentorSearchInput();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(await queries.FindAsync(input, UserId, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await queries.MentorAsync(id, UserId, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/ask")]
    public async Task<IActionResult> Ask(int id, [Bind(Prefix = MentorshipLifecycle.Prefix)] MentorshipRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ModelState.IsValid ? await mentorships.AskAsync(id, input, cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction("Index", "MyMentors"));
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        if (result.Outcome == Outcome.Refused)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return await queries.MentorAsync(id, UserId, input, cancellationToken) is { } page ? View(nameof(Show), page) : NotFound();
    }
}
