using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Data;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration.MyRigs;

/// <summary>
/// Leaders keep an approved RIG current. Routine edits go live at once and are recorded field by field; a new
/// name or school waits for review while the directory keeps showing the approved one (<see cref="RigLifecycle.EditAsync"/>).
/// </summary>
[Route("my/rigs/{id:int}")]
public sealed class EditRigController(LedRigs led, RigLifecycle lifecycle, AppDbContext db, SchoolFinder finder) : Controller
{
    private const string EditView = "~/Features/Registration/MyRigs/Edit.cshtml";
    private const int SchoolResults = 20;

    /// <summary>The edit page; <paramref name="schoolQuery"/> is the school picker's search when the browser runs no script.</summary>
    [HttpGet("edit")]
    public Task<IActionResult> Edit(int id, [FromQuery(Name = "school-q")] string? schoolQuery, CancellationToken cancellationToken) =>
        PageAsync(id, null, cancellationToken, schoolQuery: SchoolFinder.Bounded(schoolQuery));

    [HttpPost("edit")]
    public async Task<IActionResult> Save(int id, [Bind(Prefix = "Input")] RigProfileInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await lifecycle.EditAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        return result.Outcome == Outcome.Invalid ? await PageAsync(id, input, cancellationToken, result) : Translate(id, result);
    }

    /// <summary>The yearly "we are still active" confirmation shown as "verified by its leaders on …".</summary>
    [HttpPost("verify")]
    public async Task<IActionResult> Verify(int id, CancellationToken cancellationToken) =>
        Translate(id, await lifecycle.ConfirmActiveAsync(id, this.Actor(), cancellationToken));

    private IActionResult Translate(int id, LifecycleResult result) => result.Outcome switch
    {
        Outcome.Ok => this.Done(result, this.ToMyRigs()),
        // Not approved yet: its registration is where it changes.
        Outcome.Refused => this.ToRegistration(id),
        Outcome.Conflict => this.Done(LifecycleResult.Ok("A co-leader changed this RIG at the same moment; here it is as it is now."), RedirectToAction(nameof(Edit), new { id })),
        _ => this.Failure(result)!,
    };

    private async Task<IActionResult> PageAsync(int id, RigProfileInput? input, CancellationToken cancellationToken, LifecycleResult? invalid = null, string? schoolQuery = null)
    {
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, this.Actor(), cancellationToken);
        if (refusal is not null || rig!.Status != Domain.RigStatus.Approved)
        {
            return Translate(id, refusal ?? LifecycleResult.Refused(""));
        }

        if (invalid is not null || !ModelState.IsValid)
        {
            this.Failure(invalid ?? LifecycleResult.Invalid([]));
        }

        input ??= RigProfileInput.From(rig);
        var offered = new[] { rig.School!.Slug, rig.PendingSchool?.Slug };

        // The schools found by the picker's search; after a failed save, the other school that was chosen.
        var found = await finder.ChoicesAsync(db, schoolQuery, offered.Contains(input.SchoolSlug) ? null : input.SchoolSlug, SchoolResults, cancellationToken);
        return View(EditView, new EditRigViewModel(
            rig.Id, rig.Slug, rig.Name, rig.School.Slug, rig.School.DisplayName, rig.PendingName, rig.PendingSchool?.Slug, rig.PendingSchool?.DisplayName,
            schoolQuery, [.. found.Where(s => !offered.Contains(s.Slug))], input));
    }
}

public sealed record EditRigViewModel(
    int Id,
    string Slug,
    string Name,
    string SchoolSlug,
    string School,
    string? PendingName,
    string? PendingSchoolSlug,
    string? PendingSchool,
    string? SchoolQuery,
    IReadOnlyList<SchoolChoice> FoundSchools,
    RigProfileInput Input);
