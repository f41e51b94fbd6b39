using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Sponsor;

/// <summary>A faculty sponsor confirms, from the link emailed to them, that they sponsor a RIG. No account needed.</summary>
[AllowAnonymous]
[Route("sponsors/confirm/{token}")]
public sealed class SponsorController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Confirm(string token, CancellationToken cancellationToken)
    {
        var sponsor = await FindAsync(token, cancellationToken);
        return sponsor is null ? View("Invalid") : View(new SponsorConfirmationViewModel(token, sponsor.Name, sponsor.Rig!.Name, sponsor.Rig.School!.DisplayName, sponsor.ConfirmedAt is not null));
    }

    [HttpPost("")]
    [ActionName("Confirm")]
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken cancellationToken)
    {
        var sponsor = await FindAsync(token, cancellationToken);
        if (sponsor is null)
        {
            return View("Invalid");
        }

        if (sponsor.ConfirmedAt is null)
        {
            sponsor.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
            db.AuditEntries.Add(new AuditEntry
            {
                EntityType = nameof(FacultySponsor),
                EntityId = sponsor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RigId = sponsor.RigId,
                Action = "SponsorConfirmed",
                UserDisplayName = sponsor.Name,
                OccurredAt = sponsor.ConfirmedAt.Value,
                Note = sponsor.Email,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return View(new SponsorConfirmationViewModel(token, sponsor.Name, sponsor.Rig!.Name, sponsor.Rig.School!.DisplayName, Confirmed: true));
    }

    private async Task<FacultySponsor?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!Tokens.LooksValid(token))
        {
            return null;
        }

        var hash = Tokens.Hash(token);
        return await db.FacultySponsors.Include(s => s.Rig).ThenInclude(r => r!.School).SingleOrDefaultAsync(s => s.ConfirmationTokenHash == hash, cancellationToken);
    }
}

public sealed record SponsorConfirmationViewModel(string Token, string SponsorName, string RigName, string School, bool Confirmed);
