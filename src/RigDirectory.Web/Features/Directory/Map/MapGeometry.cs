using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace RigDirectory.Web.Features.Directory;

/// <summary>The shapes of the states and provinces and the projection, read once from the files shipped with the app.</summary>
public sealed partial class MapGeometry
{
    public const double Width = 1000;
    public const double Height = 835;

    /// <summary>Map units a whole-continent view may move a point by: half a pixel at 1,000 px wide.</summary>
    public const double OverviewTolerance = 0.5;

    /// <summary>The same for close-ups of a region or state, drawn at up to twelve times the scale.</summary>
    public const double DetailTolerance = 0.05;

    public MapGeometry(string folder)
    {
        Projection = AlbersProjection.Load(Path.Combine(folder, "projection.json"));
        var file = JsonSerializer.Deserialize<ShapesFile>(File.ReadAllText(Path.Combine(folder, "admin1-paths.json")))
            ?? throw new InvalidDataException("admin1-paths.json is empty.");
        Shapes = file.Regions
            .Select(r => new MapShape(r.Code, r.Name, r.Cx, r.Cy, BoundsOf(r.D),
                Overview: MapPaths.Simplify(r.D, OverviewTolerance, step: 1),
                Detail: MapPaths.Simplify(r.D, DetailTolerance, step: 0.1)))
            .ToList();
        ShapesByCode = Shapes.ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Map");

    public AlbersProjection Projection { get; }

    public IReadOnlyList<MapShape> Shapes { get; }

    public IReadOnlyDictionary<string, MapShape> ShapesByCode { get; }

    private static MapBounds BoundsOf(string path)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (Match match in PointPattern().Matches(path))
        {
            var x = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            minX = Math.Min(minX, x);
            minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
        }

        return new MapBounds(minX, minY, maxX, maxY);
    }

    [GeneratedRegex(@"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex PointPattern();

    private sealed record ShapesFile([property: JsonPropertyName("regions")] IReadOnlyList<ShapeRow> Regions);

    private sealed record ShapeRow(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("d")] string D,
        [property: JsonPropertyName("cx")] double Cx,
        [property: JsonPropertyName("cy")] double Cy);
}

/// <summary>A state/province: its outline simplified for the whole map (<see cref="Overview"/>) and for close-ups.</summary>
public sealed record MapShape(string Code, string Name, double LabelX, double LabelY, MapBounds Bounds, string Overview, string Detail);

public readonly record struct MapBounds(double MinX, double MinY, double MaxX, double MaxY)
{
    public MapBounds Union(MapBounds other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    public bool Intersects(MapBounds other) =>
        MinX <= other.MaxX && other.MinX <= MaxX && MinY <= other.MaxY && other.MinY <= MaxY;

    /// <summary>An SVG viewBox around these bounds, padded and never smaller than <paramref name="minimumSize"/>.</summary>
    public string ToViewBox(double padding, double minimumSize)
    {
        var width = Math.Max(MaxX - MinX, minimumSize);
        var height = Math.Max(MaxY - MinY, minimumSize);
        var x = ((MinX + MaxX) / 2) - (width / 2) - padding;
        var y = ((MinY + MaxY) / 2) - (height / 2) - padding;
        return string.Create(CultureInfo.InvariantCulture, $"{x:0.#} {y:0.#} {width + (2 * padding):0.#} {height + (2 * padding):0.#}");
    }
}
