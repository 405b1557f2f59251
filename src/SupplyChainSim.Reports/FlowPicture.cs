using System.Globalization;
using System.Net;
using System.Text;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>
/// Where the compute went, as a flow diagram: chipmaker, then route (licensed, exempt, or smuggled through a hub and
/// its transit countries), then destination (a country, or the owner when it is restricted; seized lots where they
/// were seized; lots still in a hub's warehouse at the end). The shells' purchases are not drawn as deliveries to the
/// hub: they enter their smuggling channel, and leave it as smuggled, seized or still waiting. Drawn as inline SVG by
/// this layout (no scripts), text measured with the shipped font, so the bytes are the same on every machine.
/// </summary>
public static class FlowPicture
{
    /// <summary>Nodes shown per column; the rest of a column is summed as "other".</summary>
    public const int PerColumn = 14;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The channels of a run (or of the months so far) summed, and made into nodes and links.</summary>
    /// <param name="smugglingOnly">Only the smuggling channels: the shells' purchases, what came out of them, and where.</param>
    public static FlowGraph Of(IEnumerable<ChannelFlow> channels, bool smugglingOnly = false)
    {
        var sums = new SortedDictionary<string, (ChannelFlow Channel, Tpp Compute)>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (smugglingOnly && channel.Stage == ChannelFlow.Delivered) continue;
            var key = channel.Key;
            sums[key] = sums.TryGetValue(key, out var sum) ? (sum.Channel, sum.Compute + channel.Flow.Compute) : (channel, channel.Flow.Compute);
        }
        // Links before grouping, summed exactly and kept in ordinal order, so that the figures never depend on the culture.
        var links = new SortedDictionary<string, (string From, string To, string Kind, Tpp Compute)>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        void Link(string from, string to, string kind, Tpp compute)
        {
            var key = string.Join("\u001F", from, to, kind);
            links[key] = (from, to, kind, (links.TryGetValue(key, out var sum) ? sum.Compute : Tpp.Zero) + compute);
        }
        var intoHubs = new SortedDictionary<string, Tpp>(StringComparer.Ordinal);
        var outOfHubs = new SortedDictionary<string, Tpp>(StringComparer.Ordinal);
        foreach (var (channel, compute) in sums.Values)
        {
            var destination = channel.Owner is { } owner ? $"{owner} ({channel.Country})" : channel.Country;
            switch (channel.Stage)
            {
                case ChannelFlow.Delivered:
                    // Lawful deliveries go to their country: a restricted owner is named where smuggled chips reach it.
                    var route = channel.Route == Route.Licensed ? "licensed" : "exempt";
                    kinds[channel.Seller] = "seller";
                    kinds[route] = route;
                    kinds.TryAdd(channel.Country, "destination");
                    Link(channel.Seller, route, route, compute);
                    Link(route, channel.Country, route, compute);
                    break;
                case ChannelFlow.ToShells:
                    var into = Channel(channel);
                    kinds[channel.Seller] = "seller";
                    kinds[into] = "smuggled";
                    Link(channel.Seller, into, channel.Route == Route.Licensed ? "licensed" : "exempt", compute);
                    intoHubs[into] = intoHubs.GetValueOrDefault(into) + compute;
                    break;
                case ChannelFlow.Smuggled:
                    var through = Channel(channel);
                    kinds[through] = "smuggled";
                    kinds[destination] = channel.Owner is null ? "smuggled-to" : "restricted";
                    Link(through, destination, "smuggled", compute);
                    outOfHubs[through] = outOfHubs.GetValueOrDefault(through) + compute;
                    break;
                case ChannelFlow.Seized:
                    var caught = Channel(channel);
                    var seized = $"seized in {channel.Country}";
                    kinds[caught] = "smuggled";
                    kinds[seized] = "seized";
                    Link(caught, seized, "seized", compute);
                    outOfHubs[caught] = outOfHubs.GetValueOrDefault(caught) + compute;
                    break;
            }
        }
        // What a channel's shells bought and had not passed on (or lost) by the end is still in the hub.
        foreach (var (channel, compute) in intoHubs)
            if (compute - outOfHubs.GetValueOrDefault(channel) is var waiting && waiting > Tpp.Zero)
            {
                kinds["in hub warehouses"] = "in-hub";
                Link(channel, "in hub warehouses", "in-hub", waiting);
            }
        return Group(links.Values.Where(l => l.Compute > Tpp.Zero).ToList(), kinds);
    }

    /// <summary>A smuggling channel's name: its hub, then its transit countries.</summary>
    private static string Channel(ChannelFlow channel) =>
        $"smuggled via {channel.Hub ?? "?"}{string.Concat(channel.Transit.Select(t => $" > {t}"))}";

    /// <summary>The nodes in order (each column by size, destinations fed by smuggling first), the smallest of a crowded column summed as "other".</summary>
    private static FlowGraph Group(List<(string From, string To, string Kind, Tpp Compute)> links, Dictionary<string, string> kinds)
    {
        int ColumnOf(string name) => kinds[name] switch { "seller" => 0, "licensed" or "exempt" or "smuggled" => 1, _ => 2 };
        Tpp Through(string name) => Tpp.Max(Tpp.Sum(links.Where(l => l.From == name).Select(l => l.Compute)), Tpp.Sum(links.Where(l => l.To == name).Select(l => l.Compute)));
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<FlowNode>();
        for (var column = 0; column < 3; column++)
        {
            var names = kinds.Keys.Where(n => ColumnOf(n) == column).ToList();
            int Rank(string name) => column switch
            {
                1 => kinds[name] == "licensed" ? 0 : kinds[name] == "exempt" ? 1 : 2,
                // What the smuggling channels reach is kept however small: it is what the picture is for.
                2 => kinds[name] is "restricted" or "smuggled-to" or "seized" or "in-hub" || links.Any(l => l.To == name && l.Kind is "smuggled" or "seized") ? 0 : 1,
                _ => 0,
            };
            var ordered = names.OrderBy(Rank).ThenByDescending(Through).ThenBy(n => n, StringComparer.Ordinal).ToList();
            var kept = ordered.Take(ordered.Count > PerColumn ? PerColumn - 1 : PerColumn).ToList();
            var rest = ordered.Skip(kept.Count).ToList();
            foreach (var name in kept) renamed[name] = name;
            if (rest.Count > 0)
            {
                var other = column switch { 0 => $"other chipmakers ({rest.Count})", 1 => $"other smuggling channels ({rest.Count})", _ => $"other destinations ({rest.Count})" };
                foreach (var name in rest) renamed[name] = other;
                kinds[other] = column == 1 ? "smuggled" : column == 0 ? "seller" : "destination";
                kept.Add(other);
            }
            nodes.AddRange(kept.Select(name => new FlowNode(name, column, 0, kinds[name])));
        }
        var grouped = links.GroupBy(l => (From: renamed[l.From], To: renamed[l.To], l.Kind))
            .Select(g => new FlowLink(g.Key.From, g.Key.To, Tpp.Sum(g.Select(l => l.Compute)).H100e, g.Key.Kind))
            .OrderBy(l => l.From, StringComparer.Ordinal).ThenBy(l => l.To, StringComparer.Ordinal).ThenBy(l => l.Kind, StringComparer.Ordinal).ToList();
        var sized = nodes.Select(n => n with
        {
            H100e = Math.Max(grouped.Where(l => l.From == n.Name).Sum(l => l.H100e), grouped.Where(l => l.To == n.Name).Sum(l => l.H100e)),
        }).ToList();
        return new FlowGraph(sized, grouped);
    }

    /// <summary>The colour of a route or node kind (the charts' palette: licensed blue, exempt green, smuggled vermilion).</summary>
    public static string Colour(string kind) => kind switch
    {
        "licensed" => "#0072B2",
        "exempt" => "#009E73",
        "smuggled" or "restricted" => "#D55E00",
        "seized" => "#000000",
        "in-hub" => "#999999",
        _ => "#555555",
    };

    private const float Font = 12;
    private const double NodeWidth = 14, Gap = 12, Top = 34, Minimum = 1.5, Available = 460;

    /// <summary>
    /// The graph as an SVG element: three columns of nodes, each as tall as what passes through it, and a band per
    /// link as wide as its compute. A link is never drawn thinner than 1.5 pixels, so that small flows (smuggling next
    /// to licensed exports) can be seen; each node is labelled with its H100e.
    /// </summary>
    public static string Svg(FlowGraph graph, string title, int width = 1000)
    {
        var layout = LayOut(graph, width);
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{N(layout.Height)}\" viewBox=\"0 0 {width} {N(layout.Height)}\">\n");
        svg.Append(Invariant, $"<rect width=\"{width}\" height=\"{N(layout.Height)}\" fill=\"#ffffff\"/>\n");
        svg.Append(Invariant, $"<text x=\"{width / 2}\" y=\"20\" font-family=\"{Charts.FontName}\" font-size=\"16\" text-anchor=\"middle\" fill=\"#000000\">{Encode(title)}</text>\n");
        Bands(svg, graph, layout);
        Nodes(svg, layout);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Where each column stands, each node's top and height, each band's thickness, and the picture's height.</summary>
    private sealed record Layout(
        List<List<FlowNode>> Columns, double[] X, Dictionary<string, double> Y, Dictionary<string, double> Heights,
        Dictionary<FlowLink, double> Thickness, double Height);

    private static string Label(FlowNode n) => $"{n.Name}  {H100eDisplay.H100eText(n.H100e)}";

    /// <summary>The columns set between their labels, the bands scaled until every column fits, and the nodes stacked from the top.</summary>
    private static Layout LayOut(FlowGraph graph, int width)
    {
        var columns = Enumerable.Range(0, 3).Select(c => graph.Nodes.Where(n => n.Column == c).ToList()).ToList();
        var left = Math.Ceiling(columns[0].Select(n => (double)Charts.TextWidth(Label(n), Font)).DefaultIfEmpty(0).Max()) + 16;
        var right = Math.Ceiling(columns[2].Select(n => (double)Charts.TextWidth(Label(n), Font)).DefaultIfEmpty(0).Max()) + 16;
        var x = new[] { left, left + (width - left - right - NodeWidth) / 2, width - right - NodeWidth };
        var (thickness, heights) = Fit(graph, columns);
        var y = new Dictionary<string, double>(StringComparer.Ordinal);
        var height = Top;
        foreach (var column in columns)
        {
            var at = Top;
            foreach (var node in column)
            {
                y[node.Name] = at;
                at += heights[node.Name] + Gap;
            }
            height = Math.Max(height, at);
        }
        return new Layout(columns, x, y, heights, thickness, height + 8);
    }

    /// <summary>
    /// Widths of the bands, then node heights: a node is as tall as the larger of what enters and what leaves it. The
    /// scale shrinks until the tallest column fits (the bands' least width can make it overflow).
    /// </summary>
    private static (Dictionary<FlowLink, double> Thickness, Dictionary<string, double> Heights) Fit(FlowGraph graph, List<List<FlowNode>> columns)
    {
        var largest = columns.Max(c => c.Sum(n => n.H100e));
        var scale = largest > 0 ? Available / largest : 1;
        Dictionary<FlowLink, double> Thickness(double s) => graph.Links.ToDictionary(l => l, l => Math.Max(Minimum, l.H100e * s));
        var thickness = Thickness(scale);
        Dictionary<string, double> Heights() => graph.Nodes.ToDictionary(n => n.Name, n => Math.Max(2,
            Math.Max(graph.Links.Where(l => l.From == n.Name).Sum(l => thickness[l]), graph.Links.Where(l => l.To == n.Name).Sum(l => thickness[l]))));
        var heights = Heights();
        for (var i = 0; i < 8 && columns.Max(c => c.Sum(n => heights[n.Name])) > Available; i++)
        {
            scale *= 0.85;
            thickness = Thickness(scale);
            heights = Heights();
        }
        return (thickness, heights);
    }

    /// <summary>Bands leave a node in the order of their targets from the top, and enter in the order of their sources.</summary>
    private static void Bands(StringBuilder svg, FlowGraph graph, Layout layout)
    {
        var (y, x) = (layout.Y, layout.X);
        var outAt = graph.Nodes.ToDictionary(n => n.Name, n => y[n.Name]);
        var inAt = graph.Nodes.ToDictionary(n => n.Name, n => y[n.Name]);
        foreach (var link in graph.Links.OrderBy(l => y[l.From]).ThenBy(l => y[l.To]))
        {
            var from = layout.Columns.FindIndex(c => c.Any(n => n.Name == link.From));
            var to = layout.Columns.FindIndex(c => c.Any(n => n.Name == link.To));
            var (x0, x1) = (x[from] + NodeWidth, x[to]);
            var t = layout.Thickness[link];
            var (y0, y1) = (outAt[link.From], inAt[link.To]);
            outAt[link.From] += t;
            inAt[link.To] += t;
            var middle = (x0 + x1) / 2;
            svg.Append(Invariant, $"<path d=\"M {N(x0)} {N(y0)} C {N(middle)} {N(y0)} {N(middle)} {N(y1)} {N(x1)} {N(y1)} L {N(x1)} {N(y1 + t)} ")
                .Append(Invariant, $"C {N(middle)} {N(y1 + t)} {N(middle)} {N(y0 + t)} {N(x0)} {N(y0 + t)} Z\" fill=\"{Colour(link.Kind)}\" fill-opacity=\"0.45\">")
                .Append(Invariant, $"<title>{Encode($"{link.From} to {link.To}: {H100eDisplay.H100eText(link.H100e)} H100e ({link.Kind})")}</title></path>\n");
        }
    }

    /// <summary>Each node as a bar in its column's colour, labelled outside the picture's edge columns with its H100e.</summary>
    private static void Nodes(StringBuilder svg, Layout layout)
    {
        foreach (var (column, c) in layout.Columns.Select((column, c) => (column, c)))
            foreach (var node in column)
            {
                var (x, top, h) = (layout.X[c], layout.Y[node.Name], layout.Heights[node.Name]);
                svg.Append(Invariant, $"<rect x=\"{N(x)}\" y=\"{N(top)}\" width=\"{N(NodeWidth)}\" height=\"{N(h)}\" fill=\"{Colour(node.Kind)}\">")
                    .Append(Invariant, $"<title>{Encode($"{node.Name}: {H100eDisplay.H100eText(node.H100e)} H100e")}</title></rect>\n");
                var (textX, anchor) = c == 0 ? (x - 6, "end") : (x + NodeWidth + 6, "start");
                svg.Append(Invariant, $"<text x=\"{N(textX)}\" y=\"{N(top + h / 2 + 4)}\" font-family=\"{Charts.FontName}\" font-size=\"{N(Font)}\" text-anchor=\"{anchor}\" ")
                    .Append(Invariant, $"fill=\"#222222\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{Encode(Label(node))}</text>\n");
            }
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
