using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports.Tests;

/// <summary>The flow picture: chipmaker, route, destination, with the smuggling channels through their hubs.</summary>
public partial class FlowPictureTests
{
    [Fact]
    public async Task The_picture_conserves_what_was_delivered_and_shows_each_smuggling_channel_by_hub_and_transit()
    {
        var (_, runs) = await Pages.Piecemeal;
        var results = runs[0];
        var channels = results.Months.SelectMany(m => m.Channels).ToList();
        var graph = FlowPicture.Of(channels);
        double Out(string node) => graph.Links.Where(l => l.From == node).Sum(l => l.H100e);
        double Into(string node) => graph.Links.Where(l => l.To == node).Sum(l => l.H100e);
        Tpp Sum(Func<MonthReport, Tpp> flow) => results.Months.Aggregate(Tpp.Zero, (sum, m) => sum + flow(m));

        // Everything the chipmakers delivered leaves column 0: their lawful exports, the shells' purchases included.
        var sellers = graph.Nodes.Where(n => n.Column == 0).Select(n => n.Name).ToList();
        Assert.Equal(Sum(m => m.Licensed.Compute + m.Exempt.Compute).H100e, sellers.Sum(Out), 6);
        // What leaves the licensed and exempt routes reaches a destination; the smuggling channels pass on what their
        // shells bought, as smuggled, seized or still in a hub.
        Assert.Equal(Into("licensed"), Out("licensed"), 6);
        Assert.Equal(Into("exempt"), Out("exempt"), 6);
        var smuggling = graph.Nodes.Where(n => n.Kind == "smuggled").Select(n => n.Name).ToList();
        Assert.True(smuggling.Contains("smuggled via SG > TH"), string.Join(", ", smuggling)); // sg-network-1: Singapore shells, through Thailand
        Assert.True(smuggling.Contains("smuggled via SG"), string.Join(", ", smuggling));
        foreach (var channel in smuggling) Assert.Equal(Into(channel), Out(channel), 6);
        Assert.Equal(Sum(m => m.Smuggled.Compute).H100e, graph.Links.Where(l => l.Kind == "smuggled").Sum(l => l.H100e), 6);
        Assert.Equal(Sum(m => Tpp.Sum(m.Detections.Select(d => d.Compute))).H100e, graph.Links.Where(l => l.Kind == "seized").Sum(l => l.H100e), 6);
        // Smuggled chips reach restricted owners, named: the Chinese labs' owners.
        Assert.Contains(graph.Links, l => l.Kind == "smuggled" && l.To.StartsWith("cnlab-owner-CN-", StringComparison.Ordinal) && l.To.EndsWith(" (CN)", StringComparison.Ordinal));
        Assert.All(graph.Nodes.GroupBy(n => n.Column), column => Assert.InRange(column.Count(), 1, FlowPicture.PerColumn));
    }

    [Fact]
    public async Task The_picture_is_an_svg_of_its_own_in_the_shipped_font_where_no_flow_is_too_thin_to_see()
    {
        var (_, runs) = await Pages.Piecemeal;
        var graph = FlowPicture.Of(runs[0].Months.SelectMany(m => m.Channels));
        var svg = FlowPicture.Svg(graph, "H100e by chipmaker, route and destination");
        Assert.Equal(svg, FlowPicture.Svg(graph, "H100e by chipmaker, route and destination"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var root = XElement.Parse(svg);
        Assert.All(root.Descendants(ns + "text"), t => Assert.Equal(Charts.FontName, (string?)t.Attribute("font-family")));
        var bands = root.Descendants(ns + "path").ToList();
        Assert.Equal(graph.Links.Count, bands.Count);
        foreach (var band in bands)
        {
            // "M x0 y0 C ... x1 y1 L x1 y1+t C ... x0 y0+t Z": the band's width is where it ends minus where it starts.
            var numbers = Number().Matches((string)band.Attribute("d")!).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            Assert.True(numbers[^1] - numbers[1] >= 1.5 - 1e-9, $"a band {numbers[^1] - numbers[1]} pixels wide: {band.Value}");
        }
        Assert.Contains(">smuggled via SG &gt; TH  ", svg);
        // The smuggling channels alone, on their own scale: no lawful delivery is drawn there.
        var smuggling = FlowPicture.Of(runs[0].Months.SelectMany(m => m.Channels), smugglingOnly: true);
        Assert.DoesNotContain(smuggling.Nodes, n => n.Name is "licensed" or "exempt");
        Assert.Contains(smuggling.Nodes, n => n.Name == "in hub warehouses" || n.Name.StartsWith("seized in ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_crowded_column_keeps_its_largest_nodes_and_sums_the_rest_as_other()
    {
        var channels = Enumerable.Range(0, 30).Select(i => new ChannelFlow(ChannelFlow.Delivered, "NVIDIA", Route.Exempt, null, [], $"C{i:00}", null,
            new Flow(i + 1, Tpp.OneH100e * (i + 1)))).ToList();
        var graph = FlowPicture.Of(channels);
        var destinations = graph.Nodes.Where(n => n.Column == 2).ToList();
        Assert.Equal(FlowPicture.PerColumn, destinations.Count);
        Assert.Equal("C29", destinations[0].Name);
        var other = destinations[^1];
        Assert.Equal($"other destinations ({30 - FlowPicture.PerColumn + 1})", other.Name);
        Assert.Equal(Enumerable.Range(1, 30 - FlowPicture.PerColumn + 1).Sum(), other.H100e, 6);
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
