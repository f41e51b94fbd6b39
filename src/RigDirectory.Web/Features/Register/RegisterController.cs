using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Register;

/// <summary>
/// The start of a registration: find the school (or request a missing one), start a draft, and resume a draft at
/// the furthest step reached. Every step saves, so a draft resumes wherever and whenever its leader returns.
/// </summary>
public sealed class RegisterController(AppDbContext db, IAuthorizationService authorization, DirectoryCache directoryCache, TimeProvider clock)
    : RegistrationController(db, authorization, directoryCache, clock)
{
    private const int SchoolResults = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? query, [FromQuery(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        query = query?.Trim();
        if (query?.Length > 200)
        {
            query = query[..200];
        }

        var drafts = await Db.Rigs.AsNoTracking()
            .LedBy(UserId)
            .Where(r => r.Status == RigStatus.Draft || r.Status == RigStatus.ChangesRequested)
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
        query = query?.Trim();
        if (string.IsNullOrEmpty(query) || query.Length < 2)
        {
            return Json(Array.Empty<SchoolChoice>());
        }

        return Json(await FindSchoolsAsync(query.Length > 200 ? query[..200] : query, null, cancellationToken));
    }

    private async Task<List<SchoolChoice>> FindSchoolsAsync(string? query, string? schoolSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query) && string.IsNullOrEmpty(schoolSlug))
        {
            return [];
        }

        var candidates = Db.Schools.AsNoTracking().Listed();
        candidates = !string.IsNullOrEmpty(schoolSlug)
            ? candidates.Where(s => s.Slug == schoolSlug)
            : candidates.Where(s => EF.Functions.Like(s.Name, $"%{EscapeLike(query!)}%", "\\") || EF.Functions.Like(s.City, $"%{EscapeLike(query!)}%", "\\") || EF.Functions.Like(s.Campus!, $"%{EscapeLike(query!)}%", "\\"));
        return await candidates
            .OrderBy(s => s.Name).ThenBy(s => s.Campus)
            .Take(SchoolResults)
            .Select(s => new SchoolChoice(
                s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.PostalCode,
                s.Rigs.Where(r => r.Status == RigStatus.Approved).Select(r => r.Slug).FirstOrDefault(),
                !s.Rigs.AsQueryable().Any(RegistrationWorkflow.HoldsItsSchool)))
            .ToListAsync(cancellationToken);
    }

    [HttpPost("")]
    public async Task<IActionResult> Start([FromForm(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        var school = string.IsNullOrEmpty(schoolSlug) ? null : await Db.Schools.Listed().SingleOrDefaultAsync(s => s.Slug == schoolSlug, cancellationToken);
        if (school is null)
        {
            TempData["StatusMessage"] = "Choose your school from the list, or tell us about a school that is missing.";
            return RedirectToAction(nameof(Index));
        }

        if (await Db.Rigs.Where(r => r.SchoolId == school.Id).AnyAsync(RegistrationWorkflow.HoldsItsSchool, cancellationToken))
        {
            TempData["StatusMessage"] = $"{school.DisplayName} already has a RIG, or one waiting for review. Contact its leaders rather than registering a second one.";
            return RedirectToAction(nameof(Index), new { school = school.Slug });
        }

        var rig = await CreateDraftAsync(school, cancellationToken);
        return RedirectToAction(nameof(RegisterPeopleController.Sponsors), RegisterPeopleController.Name, new { id = rig.Id });
    }

    [HttpPost("missing-school")]
    public async Task<IActionResult> MissingSchool([Bind(Prefix = "MissingSchool")] MissingSchoolInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var jurisdiction = ModelState.IsValid ? await Db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == input.State, cancellationToken) : null;
        if (jurisdiction is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("MissingSchool.State", "Choose the state or province.");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new StartViewModel([], "", [], await StatesAsync(cancellationToken), input));
        }

        var school = new School
        {
            Slug = await UniqueSchoolSlugAsync(SlugRules.From($"{input.Name} {input.Campus} {input.City}"), cancellationToken),
            Name = input.Name.Trim(),
            Campus = string.IsNullOrWhiteSpace(input.Campus) ? null : input.Campus.Trim(),
            City = input.City.Trim(),
            JurisdictionCode = jurisdiction.Code,
            Country = jurisdiction.Country,
            Degree = input.Degree,
            Status = SchoolStatus.Requested,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        Db.Schools.Add(school);
        var rig = await CreateDraftAsync(school, cancellationToken);
        return RedirectToAction(nameof(RegisterPeopleController.Sponsors), RegisterPeopleController.Name, new { id = rig.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Resume(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadLedAsync(id, cancellationToken);
        return refusal ?? rig!.RegistrationStep switch
        {
            RegistrationStep.Officers => RedirectToAction(nameof(RegisterPeopleController.Officers), RegisterPeopleController.Name, new { id }),
            RegistrationStep.Details => RedirectToAction(nameof(RegisterDetailsController.Details), RegisterDetailsController.Name, new { id }),
            RegistrationStep.Review => RedirectToAction(nameof(RegisterDetailsController.Review), RegisterDetailsController.Name, new { id }),
            _ => RedirectToAction(nameof(RegisterPeopleController.Sponsors), RegisterPeopleController.Name, new { id }),
        };
    }

    private Task<List<StateChoice>> StatesAsync(CancellationToken cancellationToken) =>
        Db.Jurisdictions.AsNoTracking().OrderBy(j => j.Country).ThenBy(j => j.Name).Select(j => new StateChoice(j.Code, j.Name)).ToListAsync(cancellationToken);

    private async Task<Rig> CreateDraftAsync(School school, CancellationToken cancellationToken)
    {
        var name = $"Radiology Interest Group at {school.DisplayName}";
        var rig = new Rig
        {
            Slug = await UniqueRigSlugAsync(SlugRules.From($"{school.Slug} rig"), cancellationToken),
            Name = name.Length > Limits.Name ? name[..Limits.Name] : name,
            School = school,
            Status = RigStatus.Draft,
            RegistrationStep = RegistrationStep.Sponsors,
            CreatedByUserId = UserId,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        Db.Rigs.Add(rig);
        await Db.SaveChangesAsync(cancellationToken);
        Audit(rig, "Started", school.Status == SchoolStatus.Requested ? $"Requested a new school: {school.DisplayName}, {school.City}" : null);
        await Db.SaveChangesAsync(cancellationToken);
        return rig;
    }

    private async Task<string> UniqueRigSlugAsync(string stem, CancellationToken cancellationToken)
    {
        var taken = await Db.Rigs.Where(r => r.Slug == stem || r.Slug.StartsWith(stem + "-")).Select(r => r.Slug).ToListAsync(cancellationToken);
        return NextFree(stem, taken);
    }

    private async Task<string> UniqueSchoolSlugAsync(string stem, CancellationToken cancellationToken)
    {
        var taken = await Db.Schools.Where(s => s.Slug == stem || s.Slug.StartsWith(stem + "-")).Select(s => s.Slug).ToListAsync(cancellationToken);
        return NextFree(stem, taken);
    }

    private static string NextFree(string stem, IReadOnlyCollection<string> taken)
    {
        stem = stem.Length > SlugRules.MaxLength - 6 ? stem[..(SlugRules.MaxLength - 6)].TrimEnd('-') : stem;
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var i = 2; ; i++)
        {
            var candidate = $"{stem}-{i.ToString(CultureInfo.InvariantCulture)}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
