using System.Globalization;

namespace RigDirectory.Web.Features.Directory;

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
    /// <summary>Alaska, Hawaii or Puerto Rico drawn in a box below a close-up of their region's mainland.</summary>
    public IReadOnlyList<MapInset> Insets { get; init; } = [];

    /// <summary>The SVG transform that moves a shape into its inset, or null for a shape drawn where it lies.</summary>
    public string? TransformOf(MapShape shape) => Insets.FirstOrDefault(i => i.Code == shape?.Code)?.Transform;

    public string PathOf(MapShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Detailed ? shape.Detail : shape.Overview;
    }

    public string Coordinate(double value) => value.ToString(Detailed ? "0.#" : "0", CultureInfo.InvariantCulture);
}

/// <summary>One link per region, drawn as the shapes of its states/provinces.</summary>
public sealed record MapRegionLink(string Href, string Name, string Label, int ColourIndex, bool Dimmed, IReadOnlyList<MapShape> Shapes);

/// <summary>A state/province drawn apart: scaled by <see cref="Scale"/> and moved by (<see cref="DX"/>, <see cref="DY"/>) into <see cref="Frame"/>.</summary>
public sealed record MapInset(string Code, double Scale, double DX, double DY, MapBounds Frame)
{
    public string Transform => string.Create(CultureInfo.InvariantCulture, $"matrix({Scale:0.####} 0 0 {Scale:0.####} {DX:0.#} {DY:0.#})");

    public (double X, double Y) Apply(double x, double y) => ((x * Scale) + DX, (y * Scale) + DY);
}

/// <summary>A school on the map; <see cref="Slug"/> leads to its page and <see cref="Name"/> is its tooltip.</summary>
public sealed record MapMarker(double X, double Y, string Slug, string Name, bool HasRig, bool BeingRegistered = false, string? Code = null)
{
    /// <summary>The marker's group: a RIG, a RIG being registered, or none yet.</summary>
    public string State => HasRig ? "has-rig" : BeingRegistered ? "pending" : "no-rig";
}

/// <summary>A state/province and the region it belongs to, with the region's counts.</summary>
public sealed record MapJurisdiction(string Code, string RegionSlug, string RegionName, int RegionSortOrder, int RegionRigs, int RegionSchools);

/// <summary>A school to place; <see cref="Code"/>, its state/province, is needed only where a region's map draws insets.</summary>
public sealed record MapSchool(string Slug, string Label, double Latitude, double Longitude, bool HasRig, bool BeingRegistered = false, string? Code = null);

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

        var regions = Regions(geometry, jurisdictions, focusRegion);
        var (bounds, padding, insets) = Frame(geometry, regions, focusRegion, focusJurisdiction);

        if (padding > 0)
        {
            // A close-up only needs the shapes it can show; the rest would be bytes nobody sees.
            var view = new MapBounds(bounds.MinX - 60, bounds.MinY - 60, bounds.MaxX + 60, bounds.MaxY + 60);
            regions = regions
                .Select(r => r with { Shapes = r.Shapes.Where(s => insets.Any(i => i.Code == s.Code) || (!Detached.Contains(s.Code) && s.Bounds.Intersects(view))).ToList() })
                .Where(r => r.Shapes.Count > 0)
                .ToList();
        }

        var zoom = Math.Clamp(Math.Max(bounds.MaxX - bounds.MinX, bounds.MaxY - bounds.MinY) / MapGeometry.Width, 0.08, 1);
        var radius = BaseMarkerRadius * Math.Max(zoom, 0.3);
        var markers = PlaceMarkers(geometry.Projection, schools, radius)
            .Select(m => insets.FirstOrDefault(i => i.Code == m.Code) is { } inset ? At(m, inset.Apply(m.X, m.Y)) : m)
            .ToList();
        return new MapViewModel(bounds.ToViewBox(padding, 60), caption, regions, markers, radius, Detailed: padding > 0) { Insets = insets };
    }

    /// <summary>Each region with its shapes and its link's label, coloured in order; all but <paramref name="focusRegion"/> dimmed.</summary>
    private static List<MapRegionLink> Regions(MapGeometry geometry, IReadOnlyList<MapJurisdiction> jurisdictions, string? focusRegion) => jurisdictions
        .Where(j => geometry.ShapesByCode.ContainsKey(j.Code))
        .GroupBy(j => j.RegionSlug)
        .OrderBy(g => g.First().RegionSortOrder)
        .Select((g, index) =>
        {
            var first = g.First();
            var label = $"{first.RegionName}: {Plural(first.RegionRigs, "RIG")} at {Plural(first.RegionSchools, "school")}";
            return new MapRegionLink($"/regions/{g.Key}", first.RegionName, label, (index % 12) + 1, focusRegion is not null && focusRegion != g.Key,
                g.Select(j => geometry.ShapesByCode[j.Code]).ToList());
        })
        .ToList();

    /// <summary>What the view frames: everything, one state or province, or a region on its mainland with its detached states in insets.</summary>
    private static (MapBounds Bounds, double Padding, IReadOnlyList<MapInset> Insets) Frame(MapGeometry geometry, List<MapRegionLink> regions, string? focusRegion, string? focusJurisdiction)
    {
        if (focusJurisdiction is not null && geometry.ShapesByCode.TryGetValue(focusJurisdiction, out var shape))
        {
            return (shape.Bounds, 12, []);
        }

        if (focusRegion is not null && regions.FirstOrDefault(r => !r.Dimmed) is { } region)
        {
            // Framed on its mainland; Alaska, Hawaii and Puerto Rico go in boxes below it rather than stretching the view.
            var mainland = region.Shapes.Where(s => !Detached.Contains(s.Code)).ToList();
            var bounds = (mainland.Count > 0 ? mainland : region.Shapes).Select(s => s.Bounds).Aggregate((a, b) => a.Union(b));
            IReadOnlyList<MapInset> insets = [];
            if (mainland.Count > 0)
            {
                (insets, bounds) = PlaceInsets(region.Shapes.Where(s => Detached.Contains(s.Code)).ToList(), bounds);
            }

            return (bounds, 12, insets);
        }

        return (new MapBounds(0, 0, MapGeometry.Width, MapGeometry.Height), 0, []);
    }

    /// <summary>States drawn apart from the mainland in the whole map, so a region's close-up frames them separately.</summary>
    private static readonly HashSet<string> Detached = new(["US-AK", "US-HI", "US-PR"], StringComparer.Ordinal);

    private static MapMarker At(MapMarker marker, (double X, double Y) point) => marker with { X = point.X, Y = point.Y };

    /// <summary>
    /// Puts each detached shape in a box along the bottom of the mainland's frame, left to right, each scaled to at
    /// most a third of the frame's width and a quarter of its height; returns the insets and the frame grown to hold them.
    /// </summary>
    private static (IReadOnlyList<MapInset> Insets, MapBounds Bounds) PlaceInsets(List<MapShape> detached, MapBounds mainland)
    {
        if (detached.Count == 0)
        {
            return ([], mainland);
        }

        const double Gap = 8;
        var width = Math.Max(mainland.MaxX - mainland.MinX, 60);
        var boxWidth = (width - (Gap * (detached.Count - 1))) / Math.Max(detached.Count, 3);
        var boxHeight = Math.Max(mainland.MaxY - mainland.MinY, 60) / 4;
        var top = mainland.MaxY + Gap;
        var left = mainland.MinX;
        var insets = new List<MapInset>(detached.Count);
        foreach (var shape in detached)
        {
            var b = shape.Bounds;
            var scale = Math.Min(boxWidth / Math.Max(b.MaxX - b.MinX, 1), boxHeight / Math.Max(b.MaxY - b.MinY, 1));
            var frame = new MapBounds(left, top, left + ((b.MaxX - b.MinX) * scale), top + ((b.MaxY - b.MinY) * scale));
            insets.Add(new MapInset(shape.Code, scale, left - (b.MinX * scale), top - (b.MinY * scale), frame));
            left = frame.MaxX + Gap;
        }

        return (insets, mainland.Union(new MapBounds(mainland.MinX, top, mainland.MaxX, insets.Max(i => i.Frame.MaxY))));
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
                markers.Add(new MapMarker(x + (spread * Math.Cos(angle)), y + (spread * Math.Sin(angle)), school.Slug, school.Label, school.HasRig, school.BeingRegistered, school.Code));
            }
        }

        return markers;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
