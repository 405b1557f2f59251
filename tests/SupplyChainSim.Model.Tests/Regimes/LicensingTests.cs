using System.Text.Json;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>Licences are decided by the regime alone: the Entity List is one of its rules, the border check one of its methods.</summary>
public class LicensingTests
{
    private static readonly SimulationContext Magnets = SimulationContext.From(ScenarioLoader.Load(Paths.Scenario("chips-for-magnets-2025.json")));

    private static LicenceRequest H20ToChina(string month, string consignee, IReadOnlySet<string>? listed = null)
    {
        var context = Magnets;
        return LicenceRequest.For(context.Catalogue["H20"], context.Chipmaker(context.SellerByChip["H20"]), context.Countries["CN"], 100,
            YearMonth.Parse(month), consignee) with { EntityListed = listed ?? new HashSet<string>(), Streams = context.Streams };
    }

    [Fact]
    public void The_Entity_List_refuses_a_listed_consignee_before_the_buyers_government_or_the_exporters_rules_are_asked()
    {
        // From 2025-08 the H20 to China is licensed, and Beijing discourages buying it: for a listed shell, neither speaks.
        var regime = Magnets.RegimeAt(YearMonth.Parse("2025-09"));
        var listed = regime.Decide(H20ToChina("2025-09", "broker/shell-1", new HashSet<string> { "broker/shell-1" }));
        Assert.Equal((LicenceOutcome.Denied, "entity-list: consignee on the Entity List"), (listed.Outcome, listed.Rule));
        Assert.True(listed.DecidedBy.Is<EntityListDenial>());
        Assert.True(LicenceDecisionNotice.Of(listed).EntityListed);

        var other = regime.Decide(H20ToChina("2025-09", "broker/shell-2", new HashSet<string> { "broker/shell-1" }));
        Assert.False(other.DecidedBy.Is<EntityListDenial>());
        Assert.Contains(other.Basis, new[] { "Beijing-H20-guidance", "H20-licence" });
    }

    [Fact]
    public void A_label_does_not_pass_for_another_kind_of_rule()
    {
        var labelled = new LppExemption { Label = "entity-list" };
        Assert.Equal(new RuleId("lpp-exemption", "entity-list"), labelled.Id);
        Assert.False(labelled.Id.Is<EntityListDenial>());
        var refused = new LicenceDecision(H20ToChina("2025-09", "shell").Order, LicenceOutcome.Denied, labelled.Id, new DecisionReason("test"));
        Assert.False(LicenceDecisionNotice.Of(refused).EntityListed);
    }

    [Theory]
    [InlineData("3A090-NLR", "3A090-NLR", "\"3A090-NLR\"")]
    [InlineData("lpp-exemption", "lpp=500 H100e", "\"lpp-exemption=lpp=500 H100e\"")]
    public void A_rule_id_travels_as_one_string_and_comes_back_the_same(string kind, string name, string json)
    {
        var id = new RuleId(kind, name);
        Assert.Equal(json, JsonSerializer.Serialize(id, ScenarioJson.Wire));
        var back = JsonSerializer.Deserialize<RuleId>(json, ScenarioJson.Wire);
        Assert.Equal(id, back);
        Assert.Same(string.Intern(name), back.Name);
    }

    [Fact]
    public void Scenarios_cannot_name_the_Entity_List_it_is_in_force_in_every_regime()
    {
        Assert.DoesNotContain(typeof(EntityListDenial), DecisionOrder.Named);
        Assert.IsType<EntityListDenial>(Magnets.RegimeAt(Magnets.Start).Rules[0]);
        Assert.IsType<EntityListDenial>(new ExportRegime(Magnets.RegimeAt(Magnets.Start).Rules).Rules[0]);
    }

    [Fact]
    public void A_lot_ordered_before_a_licence_requirement_is_stopped_at_the_border_and_one_ordered_after_it_is_not()
    {
        // Ordered in March 2025, delivered in May: the H20 licence requirement of April stops it at the border.
        var may = new MonthContext(YearMonth.Parse("2025-05"), RegimeChanged: false);
        var stop = Magnets.RegimeAt(may).StopsAtBorder(Lot("2025-03"), may, Magnets);
        Assert.NotNull(stop);
        Assert.Equal((LicenceOutcome.Denied, DecisionPoint.Border), (stop.Outcome, stop.Reason.At));
        Assert.True(stop.DecidedBy.Is<ModelLicence>());
        Assert.Equal("H20-licence: H20 licence denied; in force when the lot reached the border: stopped", stop.Rule);

        // Delivered in September, when licences are granted: it goes through.
        var september = new MonthContext(YearMonth.Parse("2025-09"), RegimeChanged: false);
        Assert.Null(Magnets.RegimeAt(september).StopsAtBorder(Lot("2025-03"), september, Magnets));
    }

    private static Lot Lot(string ordered) =>
        new("cn-lab@" + ordered + "#1", "cn-lab", "cn-lab", new AgentAddress(AgentKind.DataCentre, 0), "CN", Magnets.SellerByChip["H20"], null, "H20", 100,
            Route.Exempt, YearMonth.Parse(ordered), LicenceConditions.None, RuleId.Below3A090, YearMonth.Parse(ordered));
}
