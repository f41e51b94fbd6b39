using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Register;

/// <summary>The RIG's own details and its first event, then the review of the whole registration and its submission.</summary>
public sealed class RegisterDetailsController(AppDbContext db, IAuthorizationService authorization, DirectoryCache directoryCache, TimeProvider clock)
    : RegistrationController(db, authorization, directoryCache, clock)
{
    public const string Name = "RegisterDetails";

    [HttpGet("{id:int}/details")]
    public Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Details, DetailsInput.From, cancellationToken);

    [HttpPost("{id:int}/details")]
    public async Task<IActionResult> SaveDetails(int id, [Bind(Prefix = "Input")] DetailsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.FoundedYear > Now.Year)
        {
            ModelState.AddModelError("Input.FoundedYear", "The founding year cannot be in the future.");
        }

        if (!ModelState.IsValid)
        {
            return await StepViewAsync(rig!, RegistrationStep.Details, input, cancellationToken);
        }

        rig!.Name = input.Name.Trim();
        input.ApplyTo(rig);
        var firstEvent = rig.Events.OrderBy(e => e.StartsAt).FirstOrDefault();
        if (firstEvent is null)
        {
            firstEvent = new RigEvent { Title = "" };
            rig.Events.Add(firstEvent);
        }

        firstEvent.Title = input.EventTitle.Trim();
        firstEvent.StartsAt = input.EventDate!.Value.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        firstEvent.Format = input.EventFormat;
        Touch(rig, RegistrationStep.Review);
        await Db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Review), new { id });
    }

    [HttpGet("{id:int}/review")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadLedAsync(id, cancellationToken);
        return refusal ?? RegistrationView(nameof(Review), await PageAsync(rig!, RigSummary.From(rig!), cancellationToken));
    }

    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        var (rig, notLed) = await LoadLedAsync(id, cancellationToken);
        if (notLed is not null)
        {
            return notLed;
        }

        var refusal = RegistrationWorkflow.Refusal(rig!.Status, RigStatus.Submitted, RegistrationActor.Leader);
        var missing = RegistrationRules.MissingForSubmission(rig);
        if (refusal is not null || missing.Count > 0)
        {
            ModelState.AddModelError(string.Empty, refusal ?? "The registration is not complete yet.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return RegistrationView(nameof(Review), await PageAsync(rig, RigSummary.From(rig), cancellationToken));
        }

        var from = rig.Status;
        rig.Status = RigStatus.Submitted;
        rig.SubmittedAt = Now;
        Touch(rig, RegistrationStep.Review);
        Audit(rig, "Submitted", null, from, RigStatus.Submitted);
        await Db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"{rig.Name} was submitted for review. We will email you when ACR has looked at it.";
        return Redirect("/my/rigs");
    }
}
