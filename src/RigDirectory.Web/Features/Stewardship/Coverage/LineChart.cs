using System.Globalization;

namespace RigDirectory.Web.Features.Stewardship.Coverage;

/// <summary>
/// A percentage over months as server-side SVG (no script): a polyline on a 0–100 % grid, a dot per month, the
/// first and last months named. The table beside it carries the same figures for screen readers.
/// </summary>
public sealed record LineChart(string Id, string Title, IReadOnlyList<(string Label, int Percent)> Points)
{
    public const double Width = 640;
    public const double Height = 220;
    public const double Left = 40;
    public const double Right = 16;
    public const double Top = 12;
    public const double Bottom = 28;

    public static readonly int[] Gridlines = [0, 25, 50, 75, 100];

    public double X(int index) => Points.Count <= 1 ? Left : Left + ((Width - Left - Right) * index / (Points.Count - 1));

    public static double Y(int percent) => Top + ((Height - Top - Bottom) * (100 - Math.Clamp(percent, 0, 100)) / 100);

    public string Polyline => string.Join(' ', Points.Select((p, i) => $"{Number(X(i))},{Number(Y(p.Percent))}"));

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
