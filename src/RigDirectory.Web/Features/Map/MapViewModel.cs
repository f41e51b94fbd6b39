using System.Globalization;

namespace RigDirectory.Web.Features.Map;

/// <summary>
/// What the map partial draws: region links made of state/province shapes, and school markers. A close-up
/// (<see cref="Detailed"/>) draws finer outlines and places markers to a tenth of a unit.
/// </summary>
public sealed record MapViewModel(
    string ViewBox,
    string Caption,
    IReadOnlyList<MapRegionLink> Regions,
    IReadOnlyList<MapMarker> Markers,
    double MarkerRadius,
    bool Detailed)
{
    public string PathOf(MapShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Detailed ? shape.Detail : shape.Overview;
    }

    public string Coordinate(double value) => value.ToString(Detailed ? "0.#" : "0", CultureInfo.InvariantCulture);
}

/// <summary>One link per region, drawn as the shapes of its states/provinces.</summary>
public sealed record MapRegionLink(string Href, string Label, int ColourIndex, bool Dimmed, IReadOnlyList<MapShape> Shapes);

/// <summary>A school on the map; <see cref="Slug"/> leads to its page and <see cref="Name"/> is its tooltip.</summary>
public sealed record MapMarker(double X, double Y, string Slug, string Name, bool HasRig, bool BeingRegistered = false)
{
    /// <summary>The marker's group: a RIG, a RIG being registered, or none yet.</summary>
    public string State => HasRig ? "has-rig" : BeingRegistered ? "pending" : "no-rig";
}

/// <summary>A state/province and the region it belongs to, with the region's counts.</summary>
public sealed record MapJurisdiction(string Code, string RegionSlug, string RegionName, int RegionSortOrder, int RegionRigs, int RegionSchools);

public sealed record MapSchool(string Slug, string Label, double Latitude, double Longitude, bool HasRig, bool BeingRegistered = false);

public static class MapBuilder
{
    private const double BaseMarkerRadius = 4;

    /// <summary>
    /// Builds the map. With <paramref name="focusRegion"/> the view closes in on that region and dims the
    /// rest; with <paramref name="focusJurisdiction"/> it closes in on one state/province.
    /// </summary>
    public static MapViewModel Build(
        MapGeometry geometry,
        IReadOnlyList<MapJurisdiction> jurisdictions,
        IReadOnlyList<MapSchool> schools,
        string caption,
        string? focusRegion = null,
        string? focusJurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(jurisdictions);
        ArgumentNullException.ThrowIfNull(schools);

        var regions = jurisdictions
            .Where(j => geometry.ShapesByCode.ContainsKey(j.Code))
            .GroupBy(j => j.RegionSlug)
            .OrderBy(g => g.First().RegionSortOrder)
            .Select((g, index) =>
            {
                var first = g.First();
                var label = $"{first.RegionName}: {Plural(first.RegionRigs, "RIG")} at {Plural(first.RegionSchools, "school")}";
                return new MapRegionLink($"/regions/{g.Key}", label, (index % 12) + 1, focusRegion is not null && focusRegion != g.Key,
                    g.Select(j => geometry.ShapesByCode[j.Code]).ToList());
            })
            .ToList();

        var bounds = new MapBounds(0, 0, MapGeometry.Width, MapGeometry.Height);
        var padding = 0d;
        if (focusJurisdiction is not null && geometry.ShapesByCode.TryGetValue(focusJurisdiction, out var shape))
        {
            bounds = shape.Bounds;
            padding = 12;
        }
        else if (focusRegion is not null && regions.FirstOrDefault(r => !r.Dimmed) is { } region)
        {
            bounds = region.Shapes.Select(s => s.Bounds).Aggregate((a, b) => a.Union(b));
            padding = 12;
        }

        if (padding > 0)
        {
            // A close-up only needs the shapes it can show; the rest would be bytes nobody sees.
            var view = new MapBounds(bounds.MinX - 60, bounds.MinY - 60, bounds.MaxX + 60, bounds.MaxY + 60);
            regions = regions
                .Select(r => r with { Shapes = r.Shapes.Where(s => s.Bounds.Intersects(view)).ToList() })
                .Where(r => r.Shapes.Count > 0)
                .ToList();
        }

        var zoom = Math.Clamp(Math.Max(bounds.MaxX - bounds.MinX, bounds.MaxY - bounds.MinY) / MapGeometry.Width, 0.08, 1);
        var radius = BaseMarkerRadius * Math.Max(zoom, 0.3);
        return new MapViewModel(bounds.ToViewBox(padding, 60), caption, regions, PlaceMarkers(geometry.Projection, schools, radius), radius,
            Detailed: padding > 0);
    }

    /// <summary>
    /// Projects each school; schools that land on the same spot (same city centre) are spread round a small
    /// circle so each stays individually reachable.
    /// </summary>
    public static IReadOnlyList<MapMarker> PlaceMarkers(AlbersProjection projection, IReadOnlyList<MapSchool> schools, double radius)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(schools);
        var markers = new List<MapMarker>(schools.Count);
        var groups = schools
            .Select(s => (School: s, Point: projection.Project(s.Latitude, s.Longitude)))
            .GroupBy(p => (Math.Round(p.Point.X, 1), Math.Round(p.Point.Y, 1)));
        foreach (var group in groups)
        {
            var members = group.OrderBy(p => p.School.Slug, StringComparer.Ordinal).ToList();
            var spread = members.Count == 1 ? 0 : radius * Math.Max(2.2, members.Count * 2.4 / Math.PI);
            for (var i = 0; i < members.Count; i++)
            {
                var angle = (2 * Math.PI * i / members.Count) - (Math.PI / 2);
                var (x, y) = members[i].Point;
                var school = members[i].School;
                markers.Add(new MapMarker(x + (spread * Math.Cos(angle)), y + (spread * Math.Sin(angle)), school.Slug, school.Label, school.HasRig, school.BeingRegistered));
            }
        }

        return markers;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
