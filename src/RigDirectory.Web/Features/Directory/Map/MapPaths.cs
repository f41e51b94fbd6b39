using System.Globalization;
using System.Text;

namespace RigDirectory.Web.Features.Directory;

/// <summary>
/// Makes the shipped state/province outlines as small as the view can show: drops points closer than a tolerance
/// to the line through their neighbours (Douglas–Peucker), rounds to the precision a pixel needs and writes each
/// point relative to the last, which turns long absolute numbers into short, repetitive deltas that compress well.
/// </summary>
public static class MapPaths
{
    /// <summary>The closed rings of a path made of <c>M x,y L x,y x,y … Z</c> subpaths.</summary>
    public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> Rings(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rings = new List<IReadOnlyList<(double X, double Y)>>();
        foreach (var subpath in path.Split('M', StringSplitOptions.RemoveEmptyEntries))
        {
            var ring = new List<(double X, double Y)>();
            foreach (var pair in subpath.Split([' ', 'L', 'Z'], StringSplitOptions.RemoveEmptyEntries))
            {
                var comma = pair.IndexOf(',', StringComparison.Ordinal);
                ring.Add((double.Parse(pair.AsSpan(0, comma), CultureInfo.InvariantCulture),
                    double.Parse(pair.AsSpan(comma + 1), CultureInfo.InvariantCulture)));
            }

            rings.Add(ring);
        }

        return rings;
    }

    /// <summary>
    /// The path redrawn with no point nearer than <paramref name="tolerance"/> to the line it would be on, in
    /// multiples of <paramref name="step"/> (1 or 0.1) written relative to the previous point. Rings that shrink
    /// below a triangle are dropped.
    /// </summary>
    public static string Simplify(string path, double tolerance, double step)
    {
        var decimals = step >= 1 ? 0 : 1;
        var builder = new StringBuilder(path.Length / 2);
        foreach (var ring in Rings(path))
        {
            var points = Rounded(Keep(ring, tolerance), Math.Pow(10, decimals));
            if (points.Count >= 3)
            {
                AppendRelative(builder, points, decimals);
            }
        }

        return builder.ToString();
    }

    /// <summary>The points in whole units of the output's precision, repeats and a closing copy of the first dropped.</summary>
    private static List<(long X, long Y)> Rounded(List<(double X, double Y)> ring, double scale)
    {
        var points = new List<(long X, long Y)>();
        foreach (var (x, y) in ring)
        {
            var rounded = ((long)Math.Round(x * scale), (long)Math.Round(y * scale));
            if (points.Count == 0 || points[^1] != rounded)
            {
                points.Add(rounded);
            }
        }

        if (points.Count > 1 && points[^1] == points[0])
        {
            points.RemoveAt(points.Count - 1);
        }

        return points;
    }

    /// <summary>One closed ring as SVG: an absolute move, then relative lines, with separators only where a sign does not separate.</summary>
    private static void AppendRelative(StringBuilder builder, List<(long X, long Y)> points, int decimals)
    {
        builder.Append('M').Append(Number(points[0].X, decimals)).Append(',').Append(Number(points[0].Y, decimals)).Append('l');
        for (var i = 1; i < points.Count; i++)
        {
            var dx = points[i].X - points[i - 1].X;
            var dy = points[i].Y - points[i - 1].Y;
            if (i > 1 && dx >= 0)
            {
                builder.Append(' ');
            }

            builder.Append(Number(dx, decimals));
            if (dy >= 0)
            {
                builder.Append(',');
            }

            builder.Append(Number(dy, decimals));
        }

        builder.Append('z');
    }

    private static string Number(long tenthsOrUnits, int decimals) =>
        decimals == 0
            ? tenthsOrUnits.ToString(CultureInfo.InvariantCulture)
            : (tenthsOrUnits / 10d).ToString("0.#", CultureInfo.InvariantCulture);

    private static List<(double X, double Y)> Keep(IReadOnlyList<(double X, double Y)> ring, double tolerance)
    {
        if (ring.Count < 3)
        {
            return [.. ring];
        }

        var keep = new bool[ring.Count];
        keep[0] = keep[^1] = true;
        var pending = new Stack<(int From, int To)>();
        pending.Push((0, ring.Count - 1));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            var farthest = Farthest(ring, from, to, tolerance);
            if (farthest > 0)
            {
                keep[farthest] = true;
                pending.Push((from, farthest));
                pending.Push((farthest, to));
            }
        }

        return [.. ring.Where((_, i) => keep[i])];
    }

    /// <summary>The point between <paramref name="from"/> and <paramref name="to"/> farthest from the line joining them, if any is farther than <paramref name="tolerance"/>; else -1.</summary>
    private static int Farthest(IReadOnlyList<(double X, double Y)> ring, int from, int to, double tolerance)
    {
        var (ax, ay) = ring[from];
        var (bx, by) = ring[to];
        double dx = bx - ax, dy = by - ay, length = Math.Sqrt((dx * dx) + (dy * dy));
        var farthest = -1;
        var distance = tolerance;
        for (var i = from + 1; i < to; i++)
        {
            var (px, py) = ring[i];
            var d = length > 0
                ? Math.Abs((dy * (px - ax)) - (dx * (py - ay))) / length
                : Math.Sqrt(((px - ax) * (px - ax)) + ((py - ay) * (py - ay)));
            if (d > distance)
            {
                distance = d;
                farthest = i;
            }
        }

        return farthest;
    }
}
