using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Directory.Regions;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Directory.Schools;

public sealed class SchoolsController(AppDbContext db, MapGeometry geometry, RigPeople people, EventSnapshot events, TimeProvider clock) : Controller
{
    [HttpGet("/schools/{slug}")]
    [AllowAnonymous]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    [SharedForSignedIn]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        HttpContext.TagCachedResponse(DirectoryCache.SchoolTag(slug));
        var school = await LoadAsync(slug, cancellationToken);
        return school is null ? NotFound() : View(school);
    }

    /// <summary>A signed-in student writes to the starters of the RIG being registered here, through the app.</summary>
    [HttpPost("/schools/{slug}/starters")]
    [Authorize]
    [EnableRateLimiting(RateLimits.OutgoingEmail)]
    public async Task<IActionResult> MessageStarters(string slug, [Bind(Prefix = "Starters")] StarterMessageInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await people.MessageStartersAsync(slug, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction(nameof(Show), new { slug }));
        }

        if (this.FormAgain(result, "The message could not be sent.") is { } failure)
        {
            return failure;
        }

        var school = await LoadAsync(slug, cancellationToken);
        if (school is null)
        {
            return NotFound();
        }

        return View(nameof(Show), school with { Starters = input });
    }

    /// <summary>How many upcoming events a school or region page lists (the rest are a link away).</summary>
    public const int UpcomingShown = 5;

    private async Task<SchoolViewModel?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().Listed()
            .Where(s => s.Slug == slug)
            .Select(s => new SchoolViewModel(
                s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.Name, s.Jurisdiction.PostalCode, s.JurisdictionCode, s.Country, s.Degree, s.Website,
                s.Latitude, s.Longitude, s.Jurisdiction.Region!.Slug, s.Jurisdiction.Region.Name,
                s.Rigs.AsQueryable().Where(RigVisibility.IsPublic).OrderBy(g => g.Name).Select(g => new RigLinkViewModel(g.Slug, g.Name)).ToList(),
                s.Rigs.AsQueryable().Any(RegistrationWorkflow.IsBeingRegistered),
                null))
            .SingleOrDefaultAsync(cancellationToken);
        if (school is null)
        {
            return null;
        }

        var overviews = await DirectoryQueries.RegionOverviewsAsync(db, cancellationToken);
        var map = MapBuilder.Build(geometry, overviews.ToMapJurisdictions(),
            [new MapSchool(school.Slug, DirectoryQueries.SchoolLabel(school.Name, school.Campus, school.City, school.PostalCode), school.Latitude, school.Longitude, school.Rigs.Count > 0, school.ShowsBeingRegistered)],
            $"Where {school.Name} is", focusRegion: school.RegionSlug, focusJurisdiction: school.JurisdictionCode);
        return school with { Map = map, Events = EventQueries.UpcomingAtSchool(await events.GetAsync(), slug, clock.GetUtcNow().UtcDateTime, UpcomingShown) };
    }
}

public sealed record SchoolViewModel(
    string Slug,
    string Name,
    string? Campus,
    string City,
    string Jurisdiction,
    string PostalCode,
    string JurisdictionCode,
    Country Country,
    DegreeType Degree,
    string? Website,
    double Latitude,
    double Longitude,
    string RegionSlug,
    string RegionName,
    IReadOnlyList<RigLinkViewModel> Rigs,
    bool BeingRegistered,
    MapViewModel? Map)
{
    /// <summary>No RIG is listed yet, but one is waiting for (or back from) review: say so instead of "start one".</summary>
    public bool ShowsBeingRegistered => Rigs.Count == 0 && BeingRegistered;

    /// <summary>The student's message, kept when it is refused.</summary>
    public StarterMessageInput Starters { get; init; } = new();

    /// <summary>What its RIG has coming up (or co-hosts), soonest first.</summary>
    public IReadOnlyList<EventCard> Events { get; init; } = [];
}
