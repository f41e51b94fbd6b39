using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Stewardship.Verification;

/// <summary>
/// The one-click "still active" link from the yearly reminder, usable without signing in. Opening the link changes
/// nothing (mail scanners open links); the one button on the page does.
/// </summary>
[AllowAnonymous]
[Route("verify/{token}")]
public sealed class VerificationController(RigStewardship stewardship, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var link = await stewardship.FindLinkAsync(token, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return link is null ? NotFoundPage() : View(new VerificationViewModel(link, link.Refusal(clock.GetUtcNow().UtcDateTime), Done: null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Confirm(string token, CancellationToken cancellationToken)
    {
        var result = await stewardship.VerifyByLinkAsync(token, cancellationToken);
        var link = await stewardship.FindLinkAsync(token, cancellationToken);
        return link is null || result.Outcome == Outcome.NotFound ? NotFoundPage()
            : View("Show", new VerificationViewModel(link, result.Succeeded ? null : result.Message, result.Succeeded ? result.Message : null));
    }

    private ViewResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("~/Features/Registration/Sponsor/Invalid.cshtml", "It may have been copied incompletely. A leader can sign in and confirm the RIG from My RIGs.");
    }
}

public sealed record VerificationViewModel(VerificationLinkState Link, string? Refusal, string? Done);
