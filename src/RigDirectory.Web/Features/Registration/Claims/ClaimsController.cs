using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration.Claims;

/// <summary>
/// A student claims an unclaimed RIG (one whose officers have all graduated); its sponsor confirms them from an
/// emailed link, without an account, and ACR decides on the review desk.
/// </summary>
public sealed class ClaimsController(AppDbContext db, RigClaims claims) : Controller
{
    private const string InputPrefix = "Input";

    [HttpGet("/rigs/{slug}/claim")]
    public async Task<IActionResult> New(string slug, CancellationToken cancellationToken)
    {
        var page = await PageAsync(slug, new ClaimInput(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/rigs/{slug}/claim")]
    public async Task<IActionResult> Create(string slug, [Bind(Prefix = InputPrefix)] ClaimInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await claims.ClaimAsync(slug, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Outcome is Outcome.Ok or Outcome.Refused)
        {
            TempData.SetStatus(result.Message);
            return RedirectToAction("Show", "Rigs", new { slug });
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        var page = await PageAsync(slug, input, cancellationToken);
        return page is null ? NotFound() : View(nameof(New), page);
    }

    [AllowAnonymous]
    [HttpGet("/claims/confirm/{token}", Name = "ClaimConfirmation")]
    public async Task<IActionResult> Confirm(string token, CancellationToken cancellationToken)
    {
        var (claim, refusal) = await claims.FindForSponsorAsync(token, cancellationToken);
        return claim is null ? Invalid(refusal!) : View("Confirm", Confirmation(claim));
    }

    [AllowAnonymous]
    [HttpPost("/claims/confirm/{token}")]
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken cancellationToken)
    {
        var result = await claims.ConfirmBySponsorAsync(token, cancellationToken);
        var (claim, refusal) = await claims.FindForSponsorAsync(token, cancellationToken);
        return result.Succeeded && claim is not null ? View("Confirm", Confirmation(claim)) : Invalid(result.Message ?? refusal!);
    }

    private static ClaimConfirmationViewModel Confirmation(RigClaim claim) =>
        new(claim.SponsorName, claim.User!.DisplayName, claim.Position, claim.GraduationYear, claim.Message, claim.Rig!.Name, claim.Rig.School!.DisplayName, claim.SponsorConfirmedAt is not null);

    private ViewResult Invalid(string why)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("~/Features/Registration/Sponsor/Invalid.cshtml", why);
    }

    private async Task<ClaimFormViewModel?> PageAsync(string slug, ClaimInput input, CancellationToken cancellationToken)
    {
        var userId = this.Actor().UserId;
        var rig = await db.Rigs.AsNoTracking().Where(RigVisibility.IsPublic).Where(r => r.Slug == slug)
            .Select(r => new
            {
                r.Name,
                School = Domain.School.Label(r.School!.Name, r.School.Campus),
                HasLeaders = r.Officers.Any(o => o.EndedAt == null),
                Waiting = r.Claims.Any(c => c.UserId == userId && c.Status == ClaimStatus.Waiting),
                Sponsors = r.Sponsors.Where(s => s.ConfirmedAt != null).OrderBy(s => s.SortOrder).Select(s => new ClaimSponsorOption(s.Id, s.Name, s.Title)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (rig is null)
        {
            return null;
        }

        input.SponsorId ??= rig.Sponsors.Count == 1 ? rig.Sponsors[0].Id : null;
        return new ClaimFormViewModel(slug, rig.Name, rig.School, rig.HasLeaders, rig.Waiting, rig.Sponsors, input);
    }
}

public sealed record ClaimSponsorOption(int Id, string Name, string? Title);

public sealed record ClaimFormViewModel(string Slug, string RigName, string School, bool HasLeaders, bool AlreadyWaiting, IReadOnlyList<ClaimSponsorOption> Sponsors, ClaimInput Input);

public sealed record ClaimConfirmationViewModel(string SponsorName, string Student, string Position, int GraduationYear, string Message, string RigName, string School, bool Confirmed);
