using System.Globalization;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>
/// A horizontal bar chart drawn as server-side SVG (no script): one row per label, one bar per series. The table
/// beside it carries the same figures for screen readers, so the chart is an image with a title.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<string> Series, IReadOnlyList<BarRow> Rows)
{
    public const double LabelWidth = 230;
    public const double BarArea = 380;
    public const double BarHeight = 12;
    public const double RowGap = 10;

    public double Max => Math.Max(1, Rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max());

    public double RowHeight => (Series.Count * BarHeight) + RowGap;

    public double Height => (Rows.Count * RowHeight) + 30;

    public double Width => LabelWidth + BarArea + 50;

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public double Length(double value) => BarArea * value / Max;
}

public sealed record BarRow(string Label, IReadOnlyList<double> Values);
