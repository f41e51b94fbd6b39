using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>The mentor's side: offer to mentor (or edit the offer), "My mentoring" with the requests and mentees, pause, resume, withdraw.</summary>
[Route("mentoring")]
public sealed class MentoringController(MentoringQueries queries, MentorLifecycle mentors) : Controller
{
    private string UserId => this.Actor().UserId!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await queries.MyMentoringAsync(UserId, cancellationToken));

    [HttpGet("offer")]
    public async Task<IActionResult> Offer(CancellationToken cancellationToken) => View(await queries.OfferFormAsync(UserId, null, cancellationToken));

    [HttpPost("offer")]
    public async Task<IActionResult> Offer([Bind(Prefix = MentorLifecycle.Prefix)] MentorOfferInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await mentors.OfferAsync(input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction(nameof(Index)));
        }

        if (this.FormAgain(result, "Your offer changed while you were editing it (ACR may have decided on it). Check it and save again.") is { } failure)
        {
            return failure;
        }

        return View(await queries.OfferFormAsync(UserId, input, cancellationToken));
    }

    [HttpPost("pause")]
    public async Task<IActionResult> Pause([FromForm] int version, CancellationToken cancellationToken) => Translate(await mentors.PauseAsync(version, this.Actor(), cancellationToken));

    [HttpPost("resume")]
    public async Task<IActionResult> Resume([FromForm] int version, CancellationToken cancellationToken) => Translate(await mentors.ResumeAsync(version, this.Actor(), cancellationToken));

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw([FromForm] int version, CancellationToken cancellationToken) => Translate(await mentors.WithdrawAsync(version, this.Actor(), cancellationToken));

    private IActionResult Translate(LifecycleResult result) =>
        this.Back(result, RedirectToAction(nameof(Index)), "Your offer changed since you opened this page; here it is as it stands now.");
}
