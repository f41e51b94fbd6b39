using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration.Register;

/// <summary>
/// What the registration's controllers share: rendering a step with the registration so far and the reviewer's
/// note, and translating the lifecycle's answers. The steps are split by what a leader does: the school
/// (<see cref="RegisterController"/>), the people (<see cref="RegisterPeopleController"/>), the details and
/// submission (<see cref="RegisterDetailsController"/>). The rules live in <see cref="RigLifecycle"/> and <see cref="RigPeople"/>.
/// </summary>
[Route("register")]
public abstract class RegistrationController(AppDbContext db, LedRigs led) : Controller
{
    protected AppDbContext Db => db;

    protected LedRigs Led => led;

    protected string UserId => this.Actor().UserId!;

    /// <summary>Shows a step of a registration its leaders may still change (sponsors and officers also after approval).</summary>
    protected async Task<IActionResult> StepAsync<TInput>(int id, RegistrationStep step, Func<Rig, TInput> input, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: step is RegistrationStep.Sponsors or RegistrationStep.Officers, this.Actor(), cancellationToken);
        return refusal is not null ? Refuse(id, refusal) : await StepViewAsync(rig!, step, input(rig!), cancellationToken);
    }

    /// <summary>Translates a command's result: on to <paramref name="next"/>, back to the step with its errors, or a refusal.</summary>
    protected async Task<IActionResult> AnswerAsync<TInput>(int id, LifecycleResult result, RegistrationStep step, TInput input, Func<LifecycleResult, IActionResult> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                return this.Done(result, next(result));
            case Outcome.Invalid:
                this.Failure(result);
                return await StepViewAsync(id, step, input, cancellationToken);
            case Outcome.Conflict:
                TempData.SetStatus("Someone else changed this registration at the same moment. Here it is as it is now; do it again if it is still needed.");
                return this.ToRegistration(id);
            default:
                return Refuse(id, result);
        }
    }

    /// <summary>Renders a step after a refused post: the registration as saved, the form as posted.</summary>
    protected async Task<IActionResult> StepViewAsync<TInput>(int id, RegistrationStep step, TInput input, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadAsync(id, this.Actor(), cancellationToken);
        return refusal is not null ? Refuse(id, refusal) : await StepViewAsync(rig!, step, input, cancellationToken);
    }

    /// <summary>Renders a step of a registration already loaded.</summary>
    protected async Task<IActionResult> StepViewAsync<TInput>(Rig rig, RegistrationStep step, TInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return RegistrationView(step.ToString(), await PageAsync(rig, input, cancellationToken));
    }

    /// <summary>404 or 403, or (for a registration that can no longer change) its review page with the reason.</summary>
    protected IActionResult Refuse(int id, LifecycleResult refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return this.Failure(refusal) ?? this.Done(refusal, RedirectToAction(nameof(RegisterDetailsController.Review), RegisterDetailsController.Name, new { id }));
    }

    /// <summary>The wizard's views live with <see cref="RegisterController"/>, whichever controller renders them.</summary>
    protected ViewResult RegistrationView(string name, object model) => View($"/Features/Registration/Register/{name}.cshtml", model);

    protected async Task<RegistrationPage<TInput>> PageAsync<TInput>(Rig rig, TInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var note = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RigId == rig.Id && a.ToStatus == RigStatus.ChangesRequested)
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => a.Note)
            .FirstOrDefaultAsync(cancellationToken);
        return new RegistrationPage<TInput>(RegistrationViewModel.From(rig, RegistrationWorkflow.IsSentBack(rig.Status) ? note : null), input);
    }
}
