using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using RigDirectory.Web.Features.Mentoring;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring.Mentors;

/// <summary>Find a mentor (signed in): filter, sort by distance from one's school, read a mentor's page and ask.</summary>
[Route("mentors")]
public sealed class MentorsController(MentoringQueries queries, MentorshipLifecycle mentorships) : Controller
{
    private string UserId => this.Actor().UserId!;

    /// <summary>
    /// Signed-in visitors share the page of each address (and remembered school, <see cref="MentorFinderVary"/>):
    /// nothing else on it is theirs.
    /// </summary>
    [HttpGet("")]
    [OutputCache(PolicyName = MentorCache.FinderPolicy, Tags = [MentorCache.Tag])]
    [SharedForSignedIn(VaryBy = typeof(MentorFinderVary))]
    public async Task<IActionResult> Index(MentorSearchInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            input = new MentorSearchInput();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        // A typed (or cleared) school decides alone; with none in the address, the last request's school is used.
        var nearGiven = Request.Query.ContainsKey("near");
        var remembered = !MentorFinderVary.Remembers(Request) ? null
            : SharedRender.Of(HttpContext) is { } shared ? (shared.Vary.Length == 0 ? null : shared.Vary)
            : await queries.RememberedSchoolAsync(UserId, cancellationToken);
        return View(await queries.FindAsync(input, nearGiven, remembered, cancellationToken));
    }

    /// <summary><paramref name="school"/>: the school the student searched from, to fill in their request.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery, System.ComponentModel.DataAnnotations.StringLength(Data.Limits.Slug)] string? school, CancellationToken cancellationToken) =>
        await queries.MentorAsync(id, UserId, null, ModelState.IsValid ? school : null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/ask")]
    public async Task<IActionResult> Ask(int id, [Bind(Prefix = MentorshipLifecycle.Prefix)] MentorshipRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ModelState.IsValid ? await mentorships.AskAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction("Index", "MyMentors"));
        }

        if (this.FormAgain(result) is { } failure)
        {
            return failure;
        }

        return await queries.MentorAsync(id, UserId, input, null, cancellationToken) is { } page ? View(nameof(Show), page) : NotFound();
    }
}
