using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Registration.Sponsor;

/// <summary>A faculty sponsor confirms, from the link emailed to them, that they sponsor a RIG. No account needed.</summary>
[AllowAnonymous]
[Route("sponsors/confirm/{token}")]
public sealed class SponsorController(AppDbContext db, RigPeople people, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Confirm(string token, CancellationToken cancellationToken)
    {
        var (sponsor, invalid) = await FindAsync(token, cancellationToken);
        return invalid ?? View(new SponsorConfirmationViewModel(token, sponsor!.Name, sponsor.Rig!.Name, sponsor.Rig.School!.DisplayName, sponsor.ConfirmedAt is not null));
    }

    [HttpPost("")]
    [ActionName("Confirm")]
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken cancellationToken)
    {
        var (sponsor, invalid) = await FindAsync(token, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        await people.ConfirmSponsorAsync(sponsor!, cancellationToken);
        return View(new SponsorConfirmationViewModel(token, sponsor!.Name, sponsor.Rig!.Name, sponsor.Rig.School!.DisplayName, Confirmed: true));
    }

    private async Task<(FacultySponsor? Sponsor, ViewResult? Invalid)> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.LooksValid(token) ? Tokens.Hash(token) : null;
        var sponsor = hash is null ? null
            : await db.FacultySponsors.Include(s => s.Rig).ThenInclude(r => r!.School).SingleOrDefaultAsync(s => s.ConfirmationTokenHash == hash, cancellationToken);
        if (sponsor is null)
        {
            return (null, View("Invalid", "It may have been copied incompletely, or the sponsor was removed from the registration. Ask the RIG's leaders to add you again."));
        }

        return sponsor.ConfirmedAt is null && sponsor.ConfirmationExpiresAt < clock.GetUtcNow().UtcDateTime
            ? (null, View("Invalid", "This confirmation link has expired. Ask the RIG's leaders to add you again; they will get a new link sent to you."))
            : (sponsor, null);
    }
}

public sealed record SponsorConfirmationViewModel(string Token, string SponsorName, string RigName, string School, bool Confirmed);
