using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.FundingAndAwards.Awards;

/// <summary>Recognition as everyone sees it: every year's awards and winners, and the nomination form for leaders and ACR.</summary>
[Route("awards")]
public sealed class AwardsController(AppDbContext db, Recognition recognition) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Awards.AsNoTracking().OrderByDescending(a => a.Year).ThenBy(a => a.Name)
            .Select(a => new AwardCard(a.Slug, a.Title, a.Year, a.Criteria,
                a.Nominations.Where(n => n.SelectedAt != null).OrderBy(n => n.Rig!.Name).Select(n => new WinnerLink(n.Rig!.Slug, n.Rig.Name, n.Rig.School!.Name)).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken));

    [Authorize(Policy = Policies.LeadRig)]
    [HttpGet("nominate")]
    public async Task<IActionResult> Nominate([FromQuery] string rig, CancellationToken cancellationToken) =>
        await FormAsync(new NominationInput { Rig = rig }, cancellationToken);

    [Authorize(Policy = Policies.LeadRig)]
    [HttpPost("nominate")]
    public async Task<IActionResult> Nominate([Bind(Prefix = "Input")] NominationInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await recognition.NominateAsync(input, this.Actor(), cancellationToken);
            if (result.Succeeded)
            {
                return this.Done(result, Redirect($"/rigs/{Uri.EscapeDataString(input.Rig)}"));
            }

            if (this.FormAgain(result) is { } failure)
            {
                return failure;
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await FormAsync(input, cancellationToken);
    }

    /// <summary>The form for an approved RIG: the awards still open for nominations (none chosen yet).</summary>
    private async Task<IActionResult> FormAsync(NominationInput input, CancellationToken cancellationToken)
    {
        var rig = await db.Rigs.AsNoTracking().Where(r => r.Slug == input.Rig && r.Status == RigStatus.Approved).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        if (rig is null)
        {
            return NotFound();
        }

        var open = await db.Awards.AsNoTracking().Where(a => !a.Nominations.Any(n => n.SelectedAt != null)).OrderByDescending(a => a.Year).ThenBy(a => a.Name)
            .Select(a => new OpenAward(a.Slug, a.Title, a.Criteria)).ToListAsync(cancellationToken);
        return View("Nominate", new NominateViewModel(rig, open, input));
    }
}

public sealed record WinnerLink(string Slug, string Name, string School);

public sealed record AwardCard(string Slug, string Title, int Year, string Criteria, IReadOnlyList<WinnerLink> Winners);

public sealed record OpenAward(string Slug, string Title, string Criteria);

public sealed record NominateViewModel(string RigName, IReadOnlyList<OpenAward> Awards, NominationInput Input);
