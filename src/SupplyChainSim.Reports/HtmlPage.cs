using System.Globalization;
using System.Net;
using System.Text;

namespace SupplyChainSim.Reports;

/// <summary>
/// One self-contained HTML page: styles inline, charts as inline SVG, no scripts and no references to anything
/// outside the file, so it opens the same offline, from an e-mail or an archive.
/// </summary>
public sealed class HtmlPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; line-height: 1.4; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
        h3 { font-size: 1.05em; margin-top: 1.4em; }
        table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; display: block; overflow-x: auto; max-width: 100%; }
        th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td:first-child { white-space: nowrap; }
        figure { margin: 1em 0; }
        figcaption { font-size: 0.85em; color: #555; }
        figure svg { max-width: 100%; height: auto; }
        p.key { margin: 0.2em 0 0.4em; font-size: 0.85em; }
        p.key .item { white-space: nowrap; margin-right: 1.2em; }
        p.key .swatch { display: inline-block; width: 1.6em; height: 0.8em; margin-right: 0.4em; vertical-align: middle; }
        p.key .marker { margin-right: 0.4em; }
        .note { background: #fff4ce; border: 1px solid #e0c060; padding: 0.5em 0.8em; }
        .muted { color: #666; font-size: 0.9em; }
        details { margin: 0.3em 0; }
        summary { cursor: pointer; }
        """;

    private readonly StringBuilder body = new();
    private readonly string title;

    public HtmlPage(string title) => this.title = title;

    /// <summary>Number of charts added so far.</summary>
    public int ChartCount { get; private set; }

    public HtmlPage Heading(int level, string text)
    {
        body.Append(Invariant, $"<h{level}>{Encode(text)}</h{level}>\n");
        return this;
    }

    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A highlighted note (a partial result, a missing market).</summary>
    public HtmlPage Note(string text) => Paragraph(text, "note");

    /// <summary>Name-value pairs as a two-column table.</summary>
    public HtmlPage Facts(IEnumerable<(string Name, string Value)> facts)
    {
        body.Append("<table>\n");
        foreach (var (name, value) in facts) body.Append("<tr><th>").Append(Encode(name)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
        body.Append("</table>\n");
        return this;
    }

    /// <summary>A table; cells that look like numbers are right-aligned.</summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        body.Append(TableHtml(header, rows));
        return this;
    }

    /// <summary>A collapsed table: a one-line summary that opens onto it.</summary>
    public HtmlPage Details(string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? footnote = null)
    {
        body.Append("<details><summary>").Append(Encode(summary)).Append("</summary>\n").Append(TableHtml(header, rows));
        if (footnote is not null) body.Append("<p class=\"muted\">").Append(Encode(footnote)).Append("</p>\n");
        body.Append("</details>\n");
        return this;
    }

    /// <summary>A chart (SVG from <see cref="Charts.Svg"/>) with its caption.</summary>
    public HtmlPage Chart(string svg, string caption)
    {
        ChartCount++;
        body.Append("<figure>\n").Append(Charts.NameClipPaths(svg, "chart" + ChartCount.ToString(Invariant))).Append("\n<figcaption>").Append(Encode(caption)).Append("</figcaption>\n</figure>\n");
        return this;
    }

    /// <summary>A figure drawn without ScottPlot (an SVG element made by this assembly's own layout, such as the flow picture).</summary>
    public HtmlPage Figure(string svg, string caption)
    {
        ChartCount++;
        body.Append("<figure>\n").Append(svg).Append("\n<figcaption>").Append(Encode(caption)).Append("</figcaption>\n</figure>\n");
        return this;
    }

    public byte[] Render()
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append(body).Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(page.ToString().ReplaceLineEndings("\n"));
    }

    private static string TableHtml(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new StringBuilder("<table>\n<tr>");
        foreach (var name in header) table.Append("<th>").Append(Encode(name)).Append("</th>");
        table.Append("</tr>\n");
        foreach (var row in rows)
        {
            table.Append("<tr>");
            foreach (var cell in row) table.Append(IsNumber(cell) ? "<td class=\"n\">" : "<td>").Append(Encode(cell)).Append("</td>");
            table.Append("</tr>\n");
        }
        return table.Append("</table>\n").ToString();
    }

    private static bool IsNumber(string cell) =>
        cell.Length > 0 && double.TryParse(cell.Replace(",", "").TrimEnd('%'), NumberStyles.Float, Invariant, out _);

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
