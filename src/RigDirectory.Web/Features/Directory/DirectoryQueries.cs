using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Directory;

/// <summary>Read-only queries shared by the public pages. Each is one SQL statement, whatever the data size.</summary>
public static class DirectoryQueries
{
    /// <summary>Every region with its states/provinces and its counts (one statement).</summary>
    public static Task<List<RegionOverview>> RegionOverviewsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().Active()
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new RegionOverview(
                r.Slug,
                r.Name,
                r.Country,
                r.SortOrder,
                db.Schools.Listed().Count(s => s.Jurisdiction!.RegionId == r.Id),
                db.Schools.Listed().Count(s => s.Jurisdiction!.RegionId == r.Id && s.Rigs.AsQueryable().Any(RigVisibility.IsPublic)),
                db.Rigs.Where(RigVisibility.IsPublic).Count(g => g.School!.Jurisdiction!.RegionId == r.Id),
                r.Jurisdictions.OrderBy(j => j.Code).Select(j => j.Code).ToList()))
            .ToListAsync(cancellationToken);

    public static IReadOnlyList<MapJurisdiction> ToMapJurisdictions(this IEnumerable<RegionOverview> regions) =>
        regions.SelectMany(r => r.JurisdictionCodes.Select(code => new MapJurisdiction(code, r.Slug, r.Name, r.SortOrder, r.Rigs, r.Schools))).ToList();

    public static string SchoolLabel(string name, string? campus, string city, string postalCode) =>
        $"{School.Label(name, campus)} ({city}, {postalCode})";
}

public sealed record RegionOverview(
    string Slug,
    string Name,
    Country Country,
    int SortOrder,
    int Schools,
    int SchoolsWithRig,
    int Rigs,
    IReadOnlyList<string> JurisdictionCodes)
{
    public int SchoolsWithoutRig => Schools - SchoolsWithRig;
}

public sealed record RegionalContactViewModel(string Name, string Role, string Email);

public sealed record RigLinkViewModel(string Slug, string Name);
