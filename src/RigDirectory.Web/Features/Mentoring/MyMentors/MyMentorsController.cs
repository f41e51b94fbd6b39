using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Features.Mentoring;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring.MyMentors;

/// <summary>A student's requests to mentors and their mentorships.</summary>
[Route("my/mentors")]
public sealed class MyMentorsController(MentoringQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.MyMentorsAsync(this.Actor().UserId!, cancellationToken));
}
