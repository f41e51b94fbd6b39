using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Register;

/// <summary>
/// The people of a RIG: faculty sponsors (who confirm from an emailed link) and officers (the leader's own position,
/// and co-leaders invited by email). Used during registration and, after approval, to keep the RIG current.
/// </summary>
public sealed class RegisterPeopleController(
    AppDbContext db,
    IAuthorizationService authorization,
    DirectoryCache directoryCache,
    RigMailer mailer,
    RegistrationEmails emails,
    OutgoingEmailCaps emailCaps,
    TimeProvider clock) : RegistrationController(db, authorization, directoryCache, clock)
{
    public const string Name = "RegisterPeople";

    [HttpGet("{id:int}/sponsors")]
    public Task<IActionResult> Sponsors(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Sponsors, _ => new SponsorInput(), cancellationToken);

    [HttpPost("{id:int}/sponsors")]
    [EnableRateLimiting(RateLimits.OutgoingEmail)]
    public async Task<IActionResult> AddSponsor(int id, [Bind(Prefix = "Input")] SponsorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (rig!.Sponsors.Any(s => s.Email.Equals(input.Email.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Email", "This sponsor is already listed.");
        }

        if (ModelState.IsValid && await emailCaps.ReserveAsync(rig.Id, input.Email, "SponsorConfirmation", cancellationToken) is { } capped)
        {
            ModelState.AddModelError("Input.Email", capped);
        }

        if (!ModelState.IsValid)
        {
            return await StepViewAsync(rig, RegistrationStep.Sponsors, input, cancellationToken);
        }

        var token = Tokens.New();
        var sponsor = new FacultySponsor
        {
            Name = input.Name.Trim(),
            Title = input.Title?.Trim(),
            Department = input.Department?.Trim(),
            Email = input.Email.Trim(),
            ConfirmationTokenHash = Tokens.Hash(token),
            ConfirmationRequestedAt = Now,
            ConfirmationExpiresAt = Now.AddDays(RegistrationEmails.SponsorConfirmationDays),
            SortOrder = rig.Sponsors.Count,
        };
        rig.Sponsors.Add(sponsor);
        Touch(rig, RegistrationStep.Sponsors);
        Audit(rig, "SponsorAdded", $"{sponsor.Name} <{sponsor.Email}>");
        await Db.SaveChangesAsync(cancellationToken);
        await EvictIfPublishedAsync(rig, cancellationToken);

        var (subject, html) = emails.SponsorRequest(CurrentUserName, rig, token);
        await SendAsync(rig, sponsor.Email, subject, html, $"{sponsor.Name} was added and asked by email to confirm.", cancellationToken);

        return RedirectToAction(nameof(Sponsors), new { id });
    }

    [HttpPost("{id:int}/sponsors/{sponsorId:int}/remove")]
    public async Task<IActionResult> RemoveSponsor(int id, int sponsorId, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var sponsor = rig!.Sponsors.SingleOrDefault(s => s.Id == sponsorId);
        if (sponsor is null)
        {
            return NotFound();
        }

        if (rig.Status == RigStatus.Approved && rig.Sponsors.Count == 1)
        {
            ModelState.AddModelError(string.Empty, "A RIG needs at least one faculty sponsor: add the new sponsor before removing this one.");
            return await StepViewAsync(rig, RegistrationStep.Sponsors, new SponsorInput(), cancellationToken);
        }

        Db.FacultySponsors.Remove(sponsor);
        Audit(rig, "SponsorRemoved", $"{sponsor.Name} <{sponsor.Email}>");
        await Db.SaveChangesAsync(cancellationToken);
        await EvictIfPublishedAsync(rig, cancellationToken);
        TempData["StatusMessage"] = $"{sponsor.Name} was removed.";
        return RedirectToAction(nameof(Sponsors), new { id });
    }

    [HttpPost("{id:int}/sponsors/next")]
    public async Task<IActionResult> SponsorsNext(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (rig!.Sponsors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Add at least one faculty sponsor before going on.");
            return await StepViewAsync(rig, RegistrationStep.Sponsors, new SponsorInput(), cancellationToken);
        }

        if (rig.Status == RigStatus.Approved)
        {
            return Redirect("/my/rigs");
        }

        Touch(rig, RegistrationStep.Officers);
        await Db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Officers), new { id });
    }

    [HttpGet("{id:int}/officers")]
    public Task<IActionResult> Officers(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Officers, rig =>
        {
            var mine = rig.Officers.FirstOrDefault(o => o.UserId == UserId && o.EndedAt == null);
            return new OfficerInput { Position = mine?.Position ?? "President", GraduationYear = mine?.GraduationYear ?? Now.Year + 2 };
        }, cancellationToken);

    [HttpPost("{id:int}/officers")]
    public async Task<IActionResult> SaveOfficer(int id, [Bind(Prefix = "Input")] OfficerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.GraduationYear < Now.Year || input.GraduationYear > Now.Year + 8)
        {
            ModelState.AddModelError("Input.GraduationYear", $"Enter a year from {Now.Year} to {Now.Year + 8}.");
        }

        if (!ModelState.IsValid)
        {
            return await StepViewAsync(rig!, RegistrationStep.Officers, input, cancellationToken);
        }

        var mine = rig!.Officers.FirstOrDefault(o => o.UserId == UserId && o.EndedAt == null);
        if (mine is null)
        {
            rig.Officers.Add(new RigOfficer { UserId = UserId, Position = input.Position.Trim(), GraduationYear = input.GraduationYear, StartedAt = Now });
        }
        else
        {
            mine.Position = input.Position.Trim();
            mine.GraduationYear = input.GraduationYear;
        }

        if (rig.Status == RigStatus.Approved)
        {
            await Db.SaveChangesAsync(cancellationToken);
            await EvictIfPublishedAsync(rig, cancellationToken);
            TempData["StatusMessage"] = "Your position is saved.";
            return Redirect("/my/rigs");
        }

        Touch(rig, RegistrationStep.Details);
        await Db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(RegisterDetailsController.Details), RegisterDetailsController.Name, new { id });
    }

    [HttpPost("{id:int}/invitations")]
    [EnableRateLimiting(RateLimits.OutgoingEmail)]
    public async Task<IActionResult> Invite(int id, [Bind(Prefix = "Invite")] InvitationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            TempData["StatusMessage"] = "Enter the co-leader's email address and position to invite them.";
            return RedirectToAction(nameof(Officers), new { id });
        }

        if (await emailCaps.ReserveAsync(rig!.Id, input.Email, "OfficerInvitation", cancellationToken) is { } capped)
        {
            TempData["StatusMessage"] = capped;
            return RedirectToAction(nameof(Officers), new { id });
        }

        var token = Tokens.New();
        rig!.Invitations.Add(new OfficerInvitation
        {
            Email = input.Email.Trim(),
            Position = input.Position.Trim(),
            TokenHash = Tokens.Hash(token),
            InvitedByUserId = UserId,
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(RegistrationEmails.InvitationDays),
        });
        Audit(rig, "OfficerInvited", $"{input.Email.Trim()} as {input.Position.Trim()}");
        await Db.SaveChangesAsync(cancellationToken);

        var (subject, html) = emails.Invitation(CurrentUserName, rig, input.Position.Trim(), token);
        await SendAsync(rig, input.Email.Trim(), subject, html, $"An invitation was emailed to {input.Email.Trim()}.", cancellationToken);

        return RedirectToAction(nameof(Officers), new { id });
    }

    /// <summary>Sends, then tells the leader what happened: <paramref name="sentMessage"/>, or that the email failed (the change stays).</summary>
    private async Task SendAsync(Rig rig, string to, string subject, string html, string sentMessage, CancellationToken cancellationToken) =>
        TempData["StatusMessage"] = await mailer.SendAsync(rig.Id, to, subject, html, cancellationToken)
            ? sentMessage
            : $"The change was saved, but the email to {to} could not be sent. ACR staff can see it failed.";
}
