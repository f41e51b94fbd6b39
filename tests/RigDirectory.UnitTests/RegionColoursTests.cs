using System.Globalization;
using System.Text.RegularExpressions;
using RigDirectory.Testing;

namespace RigDirectory.UnitTests;

/// <summary>
/// The map's eleven region colours, read from site.css, stay distinguishable for people with each kind of colour
/// blindness (Machado et al. 2009 simulation at full severity), measured as CIE76 ΔE in CIELAB.
/// </summary>
public sealed class RegionColoursTests
{
    private static readonly double[][] Normal = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    private static readonly double[][] Deuteranopia = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
    private static readonly double[][] Protanopia = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
    private static readonly double[][] Tritanopia = [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]];

    public static TheoryData<string> Visions => ["normal", "deuteranopia", "protanopia", "tritanopia"];

    [Theory]
    [MemberData(nameof(Visions))]
    public void ElevenRegions_HaveElevenColours_ThatStayApart(string vision)
    {
        var matrix = vision switch { "deuteranopia" => Deuteranopia, "protanopia" => Protanopia, "tritanopia" => Tritanopia, _ => Normal };
        var colours = RegionColours();

        var closest = colours.SelectMany((a, i) => colours.Skip(i + 1).Select(b => (a, b, DeltaE(Lab(Simulate(a, matrix)), Lab(Simulate(b, matrix))))))
            .MinBy(pair => pair.Item3);

        Assert.Equal(11, colours.Distinct().Count());
        Assert.True(closest.Item3 >= 14, $"{closest.a} and {closest.b} are only ΔE {closest.Item3:0.0} apart for {vision}.");
    }

    [Fact]
    public void MarkersStandOut_OnEveryRegion()
    {
        // The navy of "has a RIG" markers against each fill: lightness at least 60 leaves a ΔL of 40 or more.
        Assert.All(RegionColours(), colour => Assert.True(Lab(colour)[0] >= 60, $"{colour} is too dark for the navy markers."));
    }

    private static List<string> RegionColours()
    {
        var css = File.ReadAllText(Path.Combine(SourceTree.Root(), "src", "RigDirectory.Web", "wwwroot", "css", "site.css"));
        return [.. Enumerable.Range(1, 11).Select(i => RuleFill(i).Match(css) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No colour for .r{i}."))];
    }

    private static Regex RuleFill(int index) => new($@"\.r{index} :is\(path, rect\) \{{ fill: (#[0-9a-f]{{6}}); \}}", RegexOptions.CultureInvariant);

    private static double[] Rgb(string hex) =>
        [.. Enumerable.Range(0, 3).Select(i => int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0)];

    private static double ToLinear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);

    private static double ToGamma(double c)
    {
        c = Math.Clamp(c, 0, 1);
        return c <= 0.0031308 ? 12.92 * c : (1.055 * Math.Pow(c, 1 / 2.4)) - 0.055;
    }

    private static double[] Simulate(string hex, double[][] matrix)
    {
        var linear = Rgb(hex).Select(ToLinear).ToArray();
        return [.. matrix.Select(row => ToGamma((row[0] * linear[0]) + (row[1] * linear[1]) + (row[2] * linear[2])))];
    }

    private static double[] Lab(string hex) => Lab(Rgb(hex));

    private static double[] Lab(double[] rgb)
    {
        var (r, g, b) = (ToLinear(rgb[0]), ToLinear(rgb[1]), ToLinear(rgb[2]));
        var x = ((0.4124 * r) + (0.3576 * g) + (0.1805 * b)) / 0.95047;
        var y = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        var z = ((0.0193 * r) + (0.1192 * g) + (0.9505 * b)) / 1.08883;
        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : (7.787 * t) + (16.0 / 116);
        return [(116 * F(y)) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z))];
    }

    private static double DeltaE(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());
}
