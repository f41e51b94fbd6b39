using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Register;

/// <summary>
/// What the registration's controllers share: loading a registration with everything its pages show, checking
/// that the user leads it and may still change it, rendering a step with the reviewer's note, and recording
/// progress. The steps themselves are split by what a leader does: the school (<see cref="RegisterController"/>),
/// the people (<see cref="RegisterPeopleController"/>), the details and submission (<see cref="RegisterDetailsController"/>).
/// </summary>
[Route("register")]
public abstract class RegistrationController(AppDbContext db, IAuthorizationService authorization, DirectoryCache directoryCache, TimeProvider clock) : Controller
{
    protected AppDbContext Db => db;

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected string CurrentUserName => User.Identity?.Name ?? "A RIG leader";

    protected static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>A registration the user leads (any status), or the 404 / 403 to answer instead.</summary>
    protected async Task<(Rig? Rig, IActionResult? Refusal)> LoadLedAsync(int id, CancellationToken cancellationToken)
    {
        var rig = await db.Rigs
            .Include(r => r.School)
            .Include(r => r.Sponsors)
            .Include(r => r.Officers).ThenInclude(o => o.User)
            .Include(r => r.Invitations)
            .Include(r => r.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return (null, NotFound());
        }

        return (await authorization.AuthorizeAsync(User, rig, Policies.EditRig)).Succeeded ? (rig, null) : (null, Forbid());
    }

    /// <summary>Loads a registration its leaders may still change, or says why not.</summary>
    protected async Task<(Rig? Rig, IActionResult? Refusal)> LoadEditableAsync(int id, CancellationToken cancellationToken, bool allowApproved = false)
    {
        var (rig, refusal) = await LoadLedAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if (!RegistrationWorkflow.IsEditableByLeaders(rig!.Status) && !(allowApproved && rig.Status == RigStatus.Approved))
        {
            TempData["StatusMessage"] = $"This registration is {rig.Status.DisplayName().ToLowerInvariant()} and can no longer be changed here.";
            return (null, RedirectToAction(nameof(RegisterDetailsController.Review), RegisterDetailsController.Name, new { id }));
        }

        return (rig, null);
    }

    protected async Task<IActionResult> StepAsync<TInput>(int id, RegistrationStep step, Func<Rig, TInput> input, CancellationToken cancellationToken)
    {
        // Sponsors and officers stay the leaders' to manage after approval; the rest of the wizard does not.
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: step is RegistrationStep.Sponsors or RegistrationStep.Officers);
        return refusal ?? await StepViewAsync(rig!, step, input(rig!), cancellationToken);
    }

    protected async Task<IActionResult> StepViewAsync<TInput>(Rig rig, RegistrationStep step, TInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return RegistrationView(step.ToString(), await PageAsync(rig, input, cancellationToken));
    }

    /// <summary>The wizard's views live with <see cref="RegisterController"/>, whichever controller renders them.</summary>
    protected ViewResult RegistrationView(string name, object model) => View($"/Features/Register/{name}.cshtml", model);

    protected async Task<RegistrationPage<TInput>> PageAsync<TInput>(Rig rig, TInput input, CancellationToken cancellationToken)
    {
        var note = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RigId == rig.Id && a.ToStatus == RigStatus.ChangesRequested)
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => a.Note)
            .FirstOrDefaultAsync(cancellationToken);
        return new RegistrationPage<TInput>(RegistrationViewModel.From(rig, rig.Status == RigStatus.ChangesRequested ? note : null), input);
    }

    protected async Task EvictIfPublishedAsync(Rig rig, CancellationToken cancellationToken)
    {
        if (rig.Status == RigStatus.Approved)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }
    }

    protected void Touch(Rig rig, RegistrationStep reached)
    {
        rig.UpdatedAt = Now;
        if (reached > rig.RegistrationStep)
        {
            rig.RegistrationStep = reached;
        }
    }

    protected void Audit(Rig rig, string action, string? note, RigStatus? from = null, RigStatus? to = null) =>
        db.AuditEntries.Add(AuditEntry.ForRig(rig.Id, action, Now, UserId, CurrentUserName, note, from, to));
}
