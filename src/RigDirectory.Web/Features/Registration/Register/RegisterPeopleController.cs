using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Registration.Register;

/// <summary>
/// The people of a RIG: faculty sponsors (who confirm from an emailed link) and officers (the leader's own position,
/// and co-leaders invited by email). Used during registration and, after approval, to keep the RIG current.
/// </summary>
public sealed class RegisterPeopleController(AppDbContext db, LedRigs led, RigPeople people, TimeProvider clock) : RegistrationController(db, led)
{
    public const string Name = "RegisterPeople";

    [HttpGet("{id:int}/sponsors")]
    public Task<IActionResult> Sponsors(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Sponsors, _ => new SponsorInput(), cancellationToken);

    [HttpPost("{id:int}/sponsors")]
    [EnableRateLimiting(RateLimits.OutgoingEmail)]
    public async Task<IActionResult> AddSponsor(int id, [Bind(Prefix = "Input")] SponsorInput input, CancellationToken cancellationToken) =>
        await AnswerAsync(id, ModelState.IsValid ? await people.AddSponsorAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]),
            RegistrationStep.Sponsors, input, _ => RedirectToAction(nameof(Sponsors), new { id }), cancellationToken);

    [HttpPost("{id:int}/sponsors/{sponsorId:int}/remove")]
    public async Task<IActionResult> RemoveSponsor(int id, int sponsorId, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await people.RemoveSponsorAsync(id, sponsorId, this.Actor(), cancellationToken),
            RegistrationStep.Sponsors, new SponsorInput(), _ => RedirectToAction(nameof(Sponsors), new { id }), cancellationToken);

    [HttpPost("{id:int}/sponsors/next")]
    public async Task<IActionResult> SponsorsNext(int id, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await people.FinishSponsorsAsync(id, this.Actor(), cancellationToken),
            RegistrationStep.Sponsors, new SponsorInput(), done => done.Published ? this.ToMyRigs() : RedirectToAction(nameof(Officers), new { id }), cancellationToken);

    [HttpGet("{id:int}/officers")]
    public Task<IActionResult> Officers(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Officers, rig =>
        {
            var mine = rig.Officers.FirstOrDefault(o => o.UserId == UserId && o.EndedAt == null);
            return new OfficerInput { Position = mine?.Position ?? "President", GraduationYear = mine?.GraduationYear ?? clock.GetUtcNow().Year + 2 };
        }, cancellationToken);

    [HttpPost("{id:int}/officers")]
    public async Task<IActionResult> SaveOfficer(int id, [Bind(Prefix = "Input")] OfficerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.GraduationYear is { } year && people.GraduationYearRefusal(year) is { } wrongYear)
        {
            ModelState.AddModelError("Input.GraduationYear", wrongYear);
        }

        return await AnswerAsync(id, ModelState.IsValid ? await people.SaveOwnPositionAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]),
            RegistrationStep.Officers, input,
            done => done.Published ? this.ToMyRigs() : RedirectToAction(nameof(RegisterDetailsController.Details), RegisterDetailsController.Name, new { id }), cancellationToken);
    }

    [HttpPost("{id:int}/invitations")]
    [EnableRateLimiting(RateLimits.OutgoingEmail)]
    public async Task<IActionResult> Invite(int id, [Bind(Prefix = "Invite")] InvitationInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BackToOfficers(id, "Enter the co-leader's email address and position to invite them.");
        }

        var result = await people.InviteAsync(id, input, this.Actor(), cancellationToken);
        return result.Outcome switch
        {
            Outcome.Ok => BackToOfficers(id, result.Message),
            // The daily cap on invitation emails: said above the form, which stays as it was.
            Outcome.Invalid => BackToOfficers(id, result.Errors[0].Value),
            _ => Refuse(id, result),
        };
    }

    private RedirectToActionResult BackToOfficers(int id, string? message)
    {
        TempData.SetStatus(message);
        return RedirectToAction(nameof(Officers), new { id });
    }
}
