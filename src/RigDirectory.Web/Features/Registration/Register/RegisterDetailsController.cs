using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration.Register;

/// <summary>The RIG's own details and its first event, then the review of the whole registration and its submission.</summary>
public sealed class RegisterDetailsController(AppDbContext db, LedRigs led, RigLifecycle lifecycle) : RegistrationController(db, led)
{
    public const string Name = "RegisterDetails";

    [HttpGet("{id:int}/details")]
    public Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Details, DetailsInput.From, cancellationToken);

    [HttpPost("{id:int}/details")]
    public async Task<IActionResult> SaveDetails(int id, [Bind(Prefix = "Input")] DetailsInput input, CancellationToken cancellationToken) =>
        await AnswerAsync(id, ModelState.IsValid ? await lifecycle.SaveDetailsAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]),
            RegistrationStep.Details, input, _ => RedirectToAction(nameof(Review), new { id }), cancellationToken);

    [HttpGet("{id:int}/review")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await Led.LoadAsync(id, this.Actor(), cancellationToken);
        return refusal is not null ? this.Failure(refusal)! : RegistrationView(nameof(Review), await PageAsync(rig!, RigSummary.From(rig!), cancellationToken));
    }

    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        var result = await lifecycle.SubmitAsync(id, this.Actor(), cancellationToken);
        if (result.Succeeded)
        {
            return this.Done(result, this.ToMyRigs());
        }

        if (this.FormAgain(result, "The registration changed meanwhile: check it and submit again.") is { } failure)
        {
            return failure;
        }

        var (rig, _) = await Led.LoadAsync(id, this.Actor(), cancellationToken);
        return RegistrationView(nameof(Review), await PageAsync(rig!, RigSummary.From(rig!), cancellationToken));
    }
}
