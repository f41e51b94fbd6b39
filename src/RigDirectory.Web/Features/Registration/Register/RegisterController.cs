using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Registration.Register;

/// <summary>
/// The start of a registration: find the school (or request a missing one), start a draft, and resume a draft at
/// the furthest step reached. Every step saves, so a draft resumes wherever and whenever its leader returns.
/// </summary>
public sealed class RegisterController(AppDbContext db, LedRigs led, RigLifecycle lifecycle, SchoolFinder finder) : RegistrationController(db, led)
{
    public const string Name = LeaderPages.RegisterController;
    private const int SchoolResults = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? query, [FromQuery(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        query = SchoolFinder.Bounded(query);
        var drafts = await Db.Rigs.AsNoTracking()
            .LedBy(UserId)
            .Where(RegistrationWorkflow.EditableByLeaders)
            .OrderByDescending(r => r.UpdatedAt)
            .Select(r => new DraftRow(r.Id, r.Name, r.School!.Name, r.Status, r.RegistrationStep))
            .ToListAsync(cancellationToken);
        var schools = await FindSchoolsAsync(query, schoolSlug, cancellationToken);
        return View(new StartViewModel(drafts, query ?? "", schools, await StatesAsync(cancellationToken), new MissingSchoolInput()));
    }

    /// <summary>The school search as JSON, for the type-ahead on the start page.</summary>
    [HttpGet("schools")]
    [EnableRateLimiting(RateLimits.TypeAhead)]
    public async Task<IActionResult> Schools([FromQuery(Name = "q")] string? query, CancellationToken cancellationToken)
    {
        query = SchoolFinder.Bounded(query);
        return Json(query is null || query.Length < 2 ? [] : await FindSchoolsAsync(query, null, cancellationToken));
    }

    private Task<List<SchoolChoice>> FindSchoolsAsync(string? query, string? schoolSlug, CancellationToken cancellationToken) =>
        finder.ChoicesAsync(Db, query, schoolSlug, SchoolResults, cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Start([FromForm(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        var result = await lifecycle.StartAsync(schoolSlug, this.Actor(), cancellationToken);
        return result.Succeeded
            ? RedirectToAction(nameof(RegisterPeopleController.Sponsors), RegisterPeopleController.Name, new { id = result.RigId })
            : this.Done(result, RedirectToAction(nameof(Index), new { school = string.IsNullOrEmpty(schoolSlug) ? null : schoolSlug }));
    }

    /// <summary>The school step of a registration under way: find another school to move it to (the search, without script).</summary>
    [HttpGet("{id:int}/school")]
    public async Task<IActionResult> School(int id, [FromQuery(Name = "school-q")] string? query, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await Led.LoadEditableAsync(id, allowApproved: false, this.Actor(), cancellationToken);
        if (refusal is not null)
        {
            return Refuse(id, refusal);
        }

        query = SchoolFinder.Bounded(query);
        var found = await FindSchoolsAsync(query, null, cancellationToken);
        return await StepViewAsync(rig!, RegistrationStep.School, new SchoolStepModel(rig!.School!.Slug, query, [.. found.Where(s => s.Slug != rig.School.Slug)]), cancellationToken);
    }

    [HttpPost("{id:int}/school")]
    public async Task<IActionResult> ChangeSchool(int id, [FromForm(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        var result = await lifecycle.ChangeSchoolAsync(id, schoolSlug, this.Actor(), cancellationToken);

        // Refused, the school that was chosen stays on offer.
        var model = new SchoolStepModel(null, null, result.Outcome == Outcome.Invalid ? await FindSchoolsAsync(null, schoolSlug, cancellationToken) : []);
        return await AnswerAsync(id, result, RegistrationStep.School, model, _ => RedirectToAction(nameof(RegisterPeopleController.Sponsors), RegisterPeopleController.Name, new { id }), cancellationToken);
    }

    [HttpPost("missing-school")]
    public async Task<IActionResult> MissingSchool([Bind(Prefix = "MissingSchool")] MissingSchoolInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ModelState.IsValid ? await lifecycle.StartAtNewSchoolAsync(input, this.Actor(), cancellationToken) : null;
        if (result?.Succeeded == true)
        {
            return RedirectToAction(nameof(RegisterPeopleController.Sponsors), RegisterPeopleController.Name, new { id = result.RigId });
        }

        this.Failure(result ?? LifecycleResult.Invalid([]));
        return View(nameof(Index), new StartViewModel([], "", [], await StatesAsync(cancellationToken), input));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Resume(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await Led.LoadAsync(id, this.Actor(), cancellationToken);
        if (refusal is not null)
        {
            return Refuse(id, refusal);
        }

        // Changes asked for one step: the leaders land on it, the note beside its fields.
        var step = RegistrationWorkflow.IsSentBack(rig!.Status) && rig.ReviewStep is { } about ? about : rig.RegistrationStep;
        return step switch
        {
            RegistrationStep.School => RedirectToAction(nameof(School), new { id }),
            RegistrationStep.Officers => RedirectToAction(nameof(RegisterPeopleController.Officers), RegisterPeopleController.Name, new { id }),
            RegistrationStep.Details => RedirectToAction(nameof(RegisterDetailsController.Details), RegisterDetailsController.Name, new { id }),
            RegistrationStep.Review => RedirectToAction(nameof(RegisterDetailsController.Review), RegisterDetailsController.Name, new { id }),
            _ => RedirectToAction(nameof(RegisterPeopleController.Sponsors), RegisterPeopleController.Name, new { id }),
        };
    }

    private Task<List<StateChoice>> StatesAsync(CancellationToken cancellationToken) =>
        Db.Jurisdictions.AsNoTracking().OrderBy(j => j.Country).ThenBy(j => j.Name).Select(j => new StateChoice(j.Code, j.Name)).ToListAsync(cancellationToken);
}
