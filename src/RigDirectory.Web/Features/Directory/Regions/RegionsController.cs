using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Infrastructure.Holes;

namespace RigDirectory.Web.Features.Directory.Regions;

[AllowAnonymous]
public sealed class RegionsController(AppDbContext db, MapGeometry geometry, EventSnapshot upcoming, TimeProvider clock) : Controller
{
    [HttpGet("/regions/{slug}")]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    [SharedForSignedIn]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        HttpContext.TagCachedResponse(DirectoryCache.RegionTag(slug));
        var region = await db.Regions.AsNoTracking().Active()
            .Where(r => r.Slug == slug)
            .Select(r => new
            {
                r.Id,
                r.Slug,
                r.Name,
                r.Description,
                Contacts = r.Contacts.OrderBy(c => c.SortOrder).Select(c => new RegionalContactViewModel(c.Name, c.Role, c.Email)).ToList(),
                Jurisdictions = r.Jurisdictions.OrderBy(j => j.Name).Select(j => j.Name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (region is null)
        {
            return NotFound();
        }

        var schools = await db.Schools.AsNoTracking().Listed()
            .Where(s => s.Jurisdiction!.RegionId == region.Id)
            .OrderBy(s => s.Jurisdiction!.Name).ThenBy(s => s.Name).ThenBy(s => s.Campus)
            .Select(s => new RegionSchoolViewModel(
                s.Slug, s.Name, s.Campus, s.City, s.JurisdictionCode, s.Jurisdiction!.PostalCode, s.Jurisdiction.Name, s.Latitude, s.Longitude,
                s.Rigs.AsQueryable().Where(RigVisibility.IsPublic).OrderBy(g => g.Name).Select(g => new RigLinkViewModel(g.Slug, g.Name)).ToList(),
                s.Rigs.AsQueryable().Any(RegistrationWorkflow.IsBeingRegistered)))
            .ToListAsync(cancellationToken);
        var overviews = await DirectoryQueries.RegionOverviewsAsync(db, cancellationToken);

        var map = MapBuilder.Build(geometry, overviews.ToMapJurisdictions(),
            schools.Select(s => new MapSchool(s.Slug, DirectoryQueries.SchoolLabel(s.Name, s.Campus, s.City, s.PostalCode), s.Latitude, s.Longitude, s.Rigs.Count > 0, s.BeingRegistered, s.JurisdictionCode)).ToList(),
            $"Map of {region.Name}", focusRegion: region.Slug);
        var events = EventQueries.UpcomingInRegion(await upcoming.GetAsync(), region.Slug, clock.GetUtcNow().UtcDateTime, Schools.SchoolsController.UpcomingShown);
        return View(new RegionViewModel(region.Slug, region.Name, region.Description, region.Jurisdictions, region.Contacts, schools, map) { Events = events });
    }
}

public sealed record RegionViewModel(
    string Slug,
    string Name,
    string? Description,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<RegionalContactViewModel> Contacts,
    IReadOnlyList<RegionSchoolViewModel> Schools,
    MapViewModel Map)
{
    public int Rigs => Schools.Sum(s => s.Rigs.Count);
    public int SchoolsWithoutRig => Schools.Count(s => s.Rigs.Count == 0);

    /// <summary>The region's RIGs' and ACR's upcoming events for it, soonest first.</summary>
    public IReadOnlyList<EventCard> Events { get; init; } = [];
}

public sealed record RegionSchoolViewModel(
    string Slug, string Name, string? Campus, string City, string JurisdictionCode, string PostalCode, string Jurisdiction, double Latitude, double Longitude,
    IReadOnlyList<RigLinkViewModel> Rigs,
    bool BeingRegistered);

