using System.Text.RegularExpressions;
using SupplyChainSim.Model.Regimes;

namespace SupplyChainSim.Model.Tests;

/// <summary>docs/MODEL.md describes the model the code runs: its decision order and its rules.</summary>
public partial class ModelDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(Paths.Root, "docs", "MODEL.md"));

    [Fact]
    public void The_decision_order_in_the_model_document_is_the_one_the_regime_uses()
    {
        var section = Document[Document.IndexOf("#### Decision order", StringComparison.Ordinal)..];
        var documented = TableRow().Matches(section).Select(m => (Order: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Rule: m.Groups[2].Value)).ToList();
        Assert.Equal(DecisionOrder.Names, documented.Select(r => r.Rule));
        Assert.Equal(Enumerable.Range(1, documented.Count), documented.Select(r => r.Order));
        var sides = TableRow().Matches(section).Select(m => m.Groups[3].Value).ToList();
        Assert.Equal(DecisionOrder.All.Select(t => DecisionOrder.BuyerSide.Contains(t) ? "buyer" : DecisionOrder.ExportRules.Contains(t) ? "export" : "other"), sides);
    }

    [Fact]
    public void Every_rule_a_scenario_may_name_is_described()
    {
        foreach (var name in DecisionOrder.Names) Assert.Contains($"`{name}`", Document);
        // And the README points to the document rather than keeping a second table.
        Assert.Contains("docs/MODEL.md", File.ReadAllText(Path.Combine(Paths.Root, "README.md")));
    }

    [GeneratedRegex(@"^\| (\d+) \| `([a-z0-9A-Z-]+)` \| (buyer|export|other) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
