using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Administration.AdminSchools;

/// <summary>
/// The schools curators own: find, add, edit (previewed on the map before saving), list or decline a requested
/// school, merge two records, retire one.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/schools")]
public sealed class AdminSchoolsController(AppDbContext db, SchoolCuration curation, MapGeometry map, SchoolFinder finder) : Controller
{
    public const int PageSize = 50;

    /// <summary>How many ranked schools a search of the console pages through: more than the directory lists.</summary>
    private const int FinderLimit = 1000;
    private const string EditView = "~/Features/Administration/AdminSchools/Edit.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q"), StringLength(Limits.Name)] string? query, [FromQuery] SchoolStatus status = SchoolStatus.Listed, [FromQuery, Range(1, 1000)] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(status))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            (query, status, page) = (null, SchoolStatus.Listed, 1);
        }

        var schools = db.Schools.AsNoTracking().Where(s => s.Status == status);
        var code = query?.Trim().ToUpperInvariant();
        var isPlaceCode = !string.IsNullOrWhiteSpace(code) && await db.Jurisdictions.AnyAsync(j => j.PostalCode == code || j.Code == code, cancellationToken);
        List<string>? ranked = null;
        if (!string.IsNullOrWhiteSpace(query) && status == SchoolStatus.Listed && !isPlaceCode)
        {
            // The listed schools are found as everywhere else in the app: abbreviations ("UCSF", "U of T"), accents,
            // words in any order, one typo; best first.
            ranked = await finder.FindAsync(db, query, FinderLimit, cancellationToken);
            var onPage = ranked.Skip((page - 1) * PageSize).Take(PageSize + 1).ToList();
            schools = schools.Where(s => onPage.Contains(s.Slug));
        }
        else if (!string.IsNullOrWhiteSpace(query))
        {
            // A state or province by its code ("IL", "ON"), or a school waiting or hidden, which the finder does not hold.
            var pattern = LikePatterns.Containing(query);
            schools = schools.Where(s => EF.Functions.Like(s.Name, pattern, LikePatterns.Escape) || EF.Functions.Like(s.City, pattern, LikePatterns.Escape) || EF.Functions.Like(s.Campus!, pattern, LikePatterns.Escape) || s.Jurisdiction!.PostalCode == code || s.JurisdictionCode == code);
        }

        var found = await (ranked is null ? schools.OrderBy(s => s.Name).ThenBy(s => s.Campus).Skip((page - 1) * PageSize) : schools).Take(PageSize + 1)
            .Select(s => new SchoolRow(s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.Name, s.Rigs.Count(r => r.Status != RigStatus.Archived), s.IsSeedManaged))
            .ToListAsync(cancellationToken);
        var rows = ranked is null ? found : [.. found.OrderBy(r => ranked.IndexOf(r.Slug))];
        var requested = await db.Schools.CountAsync(School.Requested, cancellationToken);
        return View(new SchoolListViewModel(query, status, rows.Take(PageSize).ToList(), page, rows.Count > PageSize, requested));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(EditView, await PageAsync(null, new SchoolInput(), cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] SchoolInput input, [FromForm] string? submit, CancellationToken cancellationToken)
    {
        if (submit == "preview" || !ModelState.IsValid)
        {
            return await FormAsync(null, input, submit, cancellationToken);
        }

        return await TranslateAsync(null, input, await curation.AddAsync(input, cancellationToken), cancellationToken);
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        return school is null ? NotFound() : View(EditView, await PageAsync(school, SchoolInput.From(school), cancellationToken));
    }

    /// <summary><paramref name="submit"/>: "preview" shows the typed place on the map without saving; "list" saves and lists a requested school.</summary>
    [HttpPost("{slug}")]
    public async Task<IActionResult> Save(string slug, [Bind(Prefix = "Input")] SchoolInput input, [FromForm] string? submit, CancellationToken cancellationToken)
    {
        if (submit == "preview" || !ModelState.IsValid)
        {
            return await FormAsync(slug, input, submit, cancellationToken);
        }

        return await TranslateAsync(slug, input, await curation.EditAsync(slug, input, list: submit == "list", cancellationToken), cancellationToken);
    }

    [HttpPost("{slug}/decline")]
    public async Task<IActionResult> Decline(string slug, [FromForm, StringLength(Limits.LongText)] string? note, CancellationToken cancellationToken) =>
        await TranslateAsync(slug, null, await curation.DeclineAsync(slug, note, cancellationToken), cancellationToken);

    [HttpPost("{slug}/retire")]
    public async Task<IActionResult> Retire(string slug, [FromForm, StringLength(Limits.LongText)] string? note, CancellationToken cancellationToken) =>
        await TranslateAsync(slug, null, await curation.RetireAsync(slug, note, cancellationToken), cancellationToken);

    [HttpPost("{slug}/merge")]
    public async Task<IActionResult> Merge(string slug, [FromForm, StringLength(Limits.Slug)] string? into, CancellationToken cancellationToken) =>
        await TranslateAsync(slug, null, await curation.MergeAsync(slug, into, cancellationToken), cancellationToken);

    private async Task<IActionResult> TranslateAsync(string? slug, SchoolInput? input, LifecycleResult result, CancellationToken cancellationToken)
    {
        if (result.Outcome is Outcome.Ok or Outcome.Refused)
        {
            TempData.SetStatus(result.Message);
            return slug is null ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Edit), new { slug });
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        return await FormAsync(slug, input, null, cancellationToken);
    }

    /// <summary>The form again: a preview (200) or with its errors (400), nothing saved.</summary>
    private async Task<IActionResult> FormAsync(string? slug, SchoolInput? input, string? submit, CancellationToken cancellationToken)
    {
        var school = slug is null ? null : await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (slug is not null && school is null)
        {
            return NotFound();
        }

        if (submit != "preview" || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(EditView, await PageAsync(school, input ?? SchoolInput.From(school!), cancellationToken));
    }

    private async Task<SchoolPageViewModel> PageAsync(School? school, SchoolInput input, CancellationToken cancellationToken)
    {
        var states = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Country).ThenBy(j => j.Name).Select(j => new StateOption(j.Code, j.Name)).ToListAsync(cancellationToken);
        var rigs = school is null ? [] : await db.Rigs.AsNoTracking().Where(r => r.SchoolId == school.Id)
            .Select(r => new SchoolRigRow(r.Id, r.Name, r.Status)).ToListAsync(cancellationToken);
        var mergeTargets = school is null ? [] : await db.Schools.AsNoTracking().Listed()
            .Where(s => s.JurisdictionCode == school.JurisdictionCode && s.Id != school.Id)
            .OrderBy(s => s.Name).Select(s => new StateOption(s.Slug, School.Label(s.Name, s.Campus)))
            .ToListAsync(cancellationToken);
        return new SchoolPageViewModel(school?.Slug, school?.DisplayName, school?.Status, input, states, rigs, mergeTargets, SchoolMapPreview.Of(map, input.State, input.Latitude, input.Longitude));
    }
}

public sealed record SchoolRow(string Slug, string Name, string? Campus, string City, string State, int Rigs, bool FromSeed);

public sealed record SchoolListViewModel(string? Query, SchoolStatus Status, IReadOnlyList<SchoolRow> Schools, int Page, bool HasMore, int Requested);

public sealed record StateOption(string Value, string Name);

public sealed record SchoolRigRow(int Id, string Name, RigStatus Status);

public sealed record SchoolPageViewModel(
    string? Slug, string? Name, SchoolStatus? Status, SchoolInput Input, IReadOnlyList<StateOption> States, IReadOnlyList<SchoolRigRow> Rigs,
    IReadOnlyList<StateOption> MergeTargets, SchoolMapPreview Preview)
{
    public bool Requested => Status.HasValue && School.IsRequested(Status.Value);

    public bool Retired => Status.HasValue && School.IsRetired(Status.Value);
}

/// <summary>Where the typed coordinates fall on the directory's map, and whether that is inside the chosen state.</summary>
public sealed record SchoolMapPreview(IReadOnlyList<MapShape> Shapes, string? StateCode, double? X, double? Y, bool OutsideState)
{
    public static SchoolMapPreview Of(MapGeometry map, string? state, double? latitude, double? longitude)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (latitude is not { } lat || longitude is not { } lon)
        {
            return new SchoolMapPreview(map.Shapes, state, null, null, false);
        }

        var (x, y) = map.Projection.Project(lat, lon);
        var outside = state is not null && map.ShapesByCode.TryGetValue(state, out var shape)
            && (x < shape.Bounds.MinX || x > shape.Bounds.MaxX || y < shape.Bounds.MinY || y > shape.Bounds.MaxY);
        return new SchoolMapPreview(map.Shapes, state, x, y, outside);
    }
}
