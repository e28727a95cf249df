using System.Globalization;
using System.Net;
using System.Text;
using Stretching.Core.History;

namespace Stretching.Web.History;

/// <summary>
/// The history's charts as SVG drawn on the server: no chart script, colours from the theme's CSS
/// (classes only, as the content security policy wants), and each labelled for screen readers, with
/// a table of the same figures beside it on the page.
/// </summary>
public static class Charts
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 36;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 30;

    public sealed record Bar(string Label, double Value, string? ValueText = null);

    /// <summary>Pain before (open circle) and after (filled) each session, joined by a line, with the trend line dashed; 0-10 upwards.</summary>
    public static string Pain(PainTrendReport pain, DateTimeOffset from, DateTimeOffset until, string title, string description)
    {
        var svg = Open(title, description, "chart chart-pain");
        var span = Math.Max(1, (until - from).TotalSeconds);
        double X(DateTimeOffset at) => Left + (Width - Left - Right) * Math.Clamp((at - from).TotalSeconds / span, 0, 1);
        double Y(double value) => Top + (Height - Top - Bottom) * (1 - value / 10);

        foreach (var level in new[] { 0, 5, 10 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="chart-grid" x1="{Left}" x2="{Width - Right}" y1="{Y(level):0.#}" y2="{Y(level):0.#}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart-label" x="{Left - 8}" y="{Y(level) + 4:0.#}" text-anchor="end">{level}</text>""");
        }
        for (var week = from; week <= until; week = week.AddDays(7))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart-label" x="{X(week):0.#}" y="{Height - 8}" text-anchor="middle">{week:d MMM}</text>""");
        }
        if (pain.Line is { } line)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="chart-trend" x1="{X(from):0.#}" y1="{Y(Math.Clamp(line.At(from), 0, 10)):0.#}" x2="{X(until):0.#}" y2="{Y(Math.Clamp(line.At(until), 0, 10)):0.#}"/>""");
        }
        foreach (var point in pain.Points)
        {
            var x = X(point.At);
            if (point is { Before: { } before, After: { } after })
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<line class="chart-change" x1="{x:0.#}" x2="{x:0.#}" y1="{Y(before):0.#}" y2="{Y(after):0.#}"/>""");
            }
            if (point.Before is { } b) svg.Append(CultureInfo.InvariantCulture, $"""<circle class="chart-before" cx="{x:0.#}" cy="{Y(b):0.#}" r="5"/>""");
            if (point.After is { } a) svg.Append(CultureInfo.InvariantCulture, $"""<circle class="chart-after" cx="{x:0.#}" cy="{Y(a):0.#}" r="4"/>""");
        }
        return Close(svg);
    }

    /// <summary>Upright bars, one a label, scaled to <paramref name="max"/>, each with its value written above it.</summary>
    public static string Bars(IReadOnlyList<Bar> bars, double max, string title, string description)
    {
        var svg = Open(title, description, "chart chart-bars");
        var slot = (double)(Width - Left - Right) / Math.Max(1, bars.Count);
        double Y(double value) => Top + 14 + (Height - Top - Bottom - 14) * (1 - value / Math.Max(max, 1));
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="chart-grid" x1="{Left}" x2="{Width - Right}" y1="{Y(0):0.#}" y2="{Y(0):0.#}"/>""");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = Left + slot * i + slot * 0.15;
            var width = slot * 0.7;
            var top = Y(Math.Clamp(bar.Value, 0, max));
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="chart-bar" x="{x:0.#}" y="{top:0.#}" width="{width:0.#}" height="{Y(0) - top:0.#}" rx="3"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart-value" x="{x + width / 2:0.#}" y="{top - 4:0.#}" text-anchor="middle">{Text(bar.ValueText ?? bar.Value.ToString("0", CultureInfo.InvariantCulture))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart-label" x="{x + width / 2:0.#}" y="{Height - 8}" text-anchor="middle">{Text(bar.Label)}</text>""");
        }
        return Close(svg);
    }

    private static StringBuilder Open(string title, string description, string classes)
    {
        var id = "chart-" + Guid.NewGuid().ToString("N")[..8];
        return new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"""<svg class="{classes}" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{id}-title {id}-desc" focusable="false"><title id="{id}-title">{Text(title)}</title><desc id="{id}-desc">{Text(description)}</desc>""");
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Text(string value) => WebUtility.HtmlEncode(value);
}
