using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Map;
using RigDirectory.Web.Features.Regions;

namespace RigDirectory.Web.Features.Schools;

[AllowAnonymous]
public sealed class SchoolsController(AppDbContext db, MapGeometry geometry) : Controller
{
    [HttpGet("/schools/{slug}")]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        HttpContext.TagCachedResponse(DirectoryCache.SchoolTag(slug));
        var school = await db.Schools.AsNoTracking().Listed()
            .Where(s => s.Slug == slug)
            .Select(s => new SchoolViewModel(
                s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.Name, s.Jurisdiction.PostalCode, s.JurisdictionCode, s.Country, s.Degree, s.Website,
                s.Latitude, s.Longitude, s.Jurisdiction.Region!.Slug, s.Jurisdiction.Region.Name,
                s.Rigs.AsQueryable().Where(RigVisibility.IsPublic).OrderBy(g => g.Name).Select(g => new RigLinkViewModel(g.Slug, g.Name)).ToList(),
                null))
            .SingleOrDefaultAsync(cancellationToken);
        if (school is null)
        {
            return NotFound();
        }

        var overviews = await DirectoryQueries.RegionOverviewsAsync(db, cancellationToken);
        var map = MapBuilder.Build(geometry, overviews.ToMapJurisdictions(),
            [new MapSchool(school.Slug, DirectoryQueries.SchoolLabel(school.Name, school.Campus, school.City, school.PostalCode), school.Latitude, school.Longitude, school.Rigs.Count > 0)],
            $"Where {school.Name} is", focusRegion: school.RegionSlug, focusJurisdiction: school.JurisdictionCode);
        return View(school with { Map = map });
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
    MapViewModel? Map);
