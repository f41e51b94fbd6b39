using System.Text.Json;
using System.Text.Json.Serialization;

namespace RigDirectory.Web.Features.Directory;

/// <summary>
/// The map's projection: spherical Albers conic equal-area (d3.geoConicEqualArea), with Hawaii and Puerto
/// Rico moved into insets by a 2×2 matrix. Parameters come from the map's projection.json.
/// </summary>
public sealed class AlbersProjection
{
    private const double Radians = Math.PI / 180;
    private readonly double _n;
    private readonly double _c;
    private readonly double _r0;
    private readonly ProjectionFile _file;

    public AlbersProjection(ProjectionFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
        var phi1 = file.Parallels[0] * Radians;
        var phi2 = file.Parallels[1] * Radians;
        _n = (Math.Sin(phi1) + Math.Sin(phi2)) / 2;
        _c = 1 + (Math.Sin(phi1) * ((2 * _n) - Math.Sin(phi1)));
        _r0 = Math.Sqrt(_c) / _n;
    }

    public static AlbersProjection Load(string path) =>
        new(JsonSerializer.Deserialize<ProjectionFile>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty."));

    public IReadOnlyList<ProjectionTestPoint> TestPoints => _file.TestPoints;

    public (double X, double Y) Project(double latitude, double longitude)
    {
        var lambda = longitude + _file.Rotate[0];
        if (lambda > 180)
        {
            lambda -= 360;
        }
        else if (lambda < -180)
        {
            lambda += 360;
        }

        var r = Math.Sqrt(_c - (2 * _n * Math.Sin(latitude * Radians))) / _n;
        var theta = _n * lambda * Radians;
        var x = _file.Translate[0] + (_file.Scale * r * Math.Sin(theta));
        var y = _file.Translate[1] - (_file.Scale * (_r0 - (r * Math.Cos(theta))));

        foreach (var inset in _file.Insets)
        {
            var box = inset.Box;
            if (longitude >= box.LonMin && longitude <= box.LonMax && latitude >= box.LatMin && latitude <= box.LatMax)
            {
                var m = inset.Matrix;
                return ((m[0] * x) + (m[1] * y) + inset.Offset[0], (m[2] * x) + (m[3] * y) + inset.Offset[1]);
            }
        }

        return (x, y);
    }
}

public sealed record ProjectionFile(
    [property: JsonPropertyName("parallels")] double[] Parallels,
    [property: JsonPropertyName("rotate")] double[] Rotate,
    [property: JsonPropertyName("scale")] double Scale,
    [property: JsonPropertyName("translate")] double[] Translate,
    [property: JsonPropertyName("insets")] IReadOnlyList<ProjectionInset> Insets,
    [property: JsonPropertyName("testPoints")] IReadOnlyList<ProjectionTestPoint> TestPoints);

public sealed record ProjectionInset(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("box")] ProjectionBox Box,
    [property: JsonPropertyName("matrix")] double[] Matrix,
    [property: JsonPropertyName("offset")] double[] Offset);

public sealed record ProjectionBox(
    [property: JsonPropertyName("lonMin")] double LonMin,
    [property: JsonPropertyName("lonMax")] double LonMax,
    [property: JsonPropertyName("latMin")] double LatMin,
    [property: JsonPropertyName("latMax")] double LatMax);

public sealed record ProjectionTestPoint(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("lat")] double Latitude,
    [property: JsonPropertyName("lon")] double Longitude,
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y);
