using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Tests;

/// <summary>Decision tables: what each shipped regime decides for an order, and by which rule.</summary>
public class RegimeDecisionTests
{
    private static readonly Dictionary<string, SimulationContext> Contexts = [];

    private static SimulationContext Context(string scenario)
    {
        lock (Contexts)
        {
            if (!Contexts.TryGetValue(scenario, out var context))
                Contexts[scenario] = context = SimulationContext.From(ScenarioLoader.Load(Paths.Scenario(scenario)));
            return context;
        }
    }

    /// <summary>One order decided by the regime a scenario has in force in <paramref name="month"/>.</summary>
    private static LicenceDecision Decide(string scenario, string month, string chip, string destination, int chips = 100,
        string consignee = "buyer", string? headquarters = null, string? owner = null, DestinationLedger? ledger = null)
    {
        var context = Context(scenario);
        var when = YearMonth.Parse(month);
        var seller = context.SellerByChip[chip];
        var order = new Order($"{consignee}@{month}", consignee, consignee, owner ?? consignee, new AgentAddress(AgentKind.DataCentre, 0),
            destination, headquarters ?? destination, seller, chip, chips, when);
        var request = new LicenceRequest(order, context.Catalogue[chip], context.Chipmaker(seller), context.Countries[destination],
            context.Countries[headquarters ?? destination], when, ledger ?? new DestinationLedger());
        return context.RegimeAt(when).Decide(request);
    }

    private static void Expect(LicenceDecision decision, LicenceOutcome outcome, string rule)
    {
        Assert.Equal(outcome, decision.Outcome);
        Assert.StartsWith(rule, decision.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("H100-SXM", "CN", LicenceOutcome.Denied, "baseline-3A090")]
    [InlineData("H200-SXM", "RU", LicenceOutcome.Denied, "baseline-3A090")]
    [InlineData("H100-SXM", "MO", LicenceOutcome.Denied, "baseline-3A090")]
    [InlineData("H20", "CN", LicenceOutcome.Exempt, "not-3A090")]
    [InlineData("H100-SXM", "MY", LicenceOutcome.Exempt, "3A090-NLR")]
    [InlineData("H100-SXM", "DE", LicenceOutcome.Exempt, "3A090-NLR")]
    [InlineData("GB300", "AE", LicenceOutcome.Approved, "D1-D4-licence")]
    [InlineData("Ascend-910B", "CN", LicenceOutcome.Exempt, "not-EAR")]
    [InlineData("Ascend-910B", "MY", LicenceOutcome.Exempt, "not-EAR")]
    [InlineData("H100-SXM", "US", LicenceOutcome.Exempt, "domestic")]
    public void Baseline_2023(string chip, string destination, LicenceOutcome outcome, string rule) =>
        Expect(Decide("baseline-2023.json", "2024-06", chip, destination), outcome, rule);

    [Fact]
    public void Baseline_denies_entities_headquartered_in_D5_wherever_they_are() =>
        Expect(Decide("baseline-2023.json", "2024-06", "H100-SXM", "MY", headquarters: "CN"), LicenceOutcome.Denied, "baseline-3A090");

    [Theory]
    [InlineData("H100-SXM", "CN", LicenceOutcome.Denied, "baseline-3A090")]
    [InlineData("H100-SXM", "DE", LicenceOutcome.Exempt, "diffusion-tiers: Tier 1")]
    [InlineData("H100-SXM", "IN", LicenceOutcome.Notified, "lpp-exemption")]
    [InlineData("H20", "IN", LicenceOutcome.Exempt, "not-3A090")]
    public void Diffusion_rule_2025(string chip, string destination, LicenceOutcome outcome, string rule) =>
        Expect(Decide("diffusion-rule-2025.json", "2025-06", chip, destination), outcome, rule);

    [Fact]
    public void Diffusion_rule_consignee_allowance_then_country_cap_then_denial()
    {
        // LPP: 26,900,000 TPP a consignee a year = 1,699 H100s; the 1,700th goes to the cap.
        var ledger = new DestinationLedger();
        Expect(Decide("diffusion-rule-2025.json", "2025-06", "H100-SXM", "IN", chips: 1699, ledger: ledger), LicenceOutcome.Notified, "lpp-exemption");
        Expect(Decide("diffusion-rule-2025.json", "2025-06", "H100-SXM", "IN", chips: 1, ledger: ledger), LicenceOutcome.Approved, "country-cap");
        // A new calendar year renews the allowance.
        Expect(Decide("diffusion-rule-2025.json", "2026-01", "H100-SXM", "IN", chips: 1000, ledger: ledger), LicenceOutcome.Notified, "lpp-exemption");
        // The cap: 790,000,000 TPP = 49,901 H100s in all; the 49,902nd is denied.
        Expect(Decide("diffusion-rule-2025.json", "2026-01", "H100-SXM", "IN", chips: 49_900, consignee: "big", ledger: ledger), LicenceOutcome.Approved, "country-cap");
        Expect(Decide("diffusion-rule-2025.json", "2026-01", "H100-SXM", "IN", chips: 1700, consignee: "big", ledger: ledger), LicenceOutcome.Denied, "country-cap: country cap exhausted");
    }

    [Fact]
    public void Threshold_500_sends_a_600_H100e_buyer_to_a_licence_where_the_diffusion_rule_only_asks_for_notification()
    {
        Expect(Decide("diffusion-rule-2025.json", "2025-06", "H100-SXM", "BR", chips: 600), LicenceOutcome.Notified, "lpp-exemption");
        Expect(Decide("threshold-500.json", "2025-06", "H100-SXM", "BR", chips: 600), LicenceOutcome.Approved, "country-cap");
        Expect(Decide("threshold-500.json", "2025-06", "H100-SXM", "BR", chips: 500), LicenceOutcome.Notified, "lpp-500");
    }

    [Theory]
    [InlineData("2025-04", LicenceOutcome.Exempt, "3A090-NLR")]
    [InlineData("2025-05", LicenceOutcome.Notified, "lpp-exemption")] // in force for May 2025 only
    [InlineData("2025-06", LicenceOutcome.Exempt, "3A090-NLR")]
    public void Rescission_switches_the_diffusion_rule_on_and_off_in_the_months_it_names(string month, LicenceOutcome outcome, string rule) =>
        Expect(Decide("rescission-2025.json", month, "H100-SXM", "IN"), outcome, rule);

    [Theory]
    [InlineData("2025-06", LicenceOutcome.Exempt, "3A090-NLR")]
    [InlineData("2025-07", LicenceOutcome.Approved, "MY-strategic-trade-permit")]
    public void Malaysia_transit_permit_from_July_2025(string month, LicenceOutcome outcome, string rule) =>
        Expect(Decide("rescission-2025.json", month, "H100-SXM", "MY"), outcome, rule);

    [Theory]
    [InlineData("2025-03", "H20", LicenceOutcome.Exempt, "not-3A090", 0)]
    [InlineData("2025-04", "H20", LicenceOutcome.Denied, "H20-licence", 0)]
    [InlineData("2025-06", "MI308X", LicenceOutcome.Denied, "H20-licence", 0)]
    [InlineData("2025-07", "H20", LicenceOutcome.Approved, "H20-licence", 0)]
    [InlineData("2025-08", "H20", LicenceOutcome.Approved, "H20-licence", 0.15)]
    [InlineData("2025-12", "H200-SXM", LicenceOutcome.Denied, "baseline-3A090", 0)]
    [InlineData("2026-01", "H200-SXM", LicenceOutcome.Approved, "H200-case-by-case", 0.25)]
    [InlineData("2026-01", "B200", LicenceOutcome.Denied, "baseline-3A090", 0)] // TPP 36,000: above the window
    public void Chips_for_magnets_2025(string month, string chip, LicenceOutcome outcome, string rule, double share)
    {
        var decision = Decide("chips-for-magnets-2025.json", month, chip, "CN");
        Expect(decision, outcome, rule);
        Assert.Equal(share, decision.RevenueShare);
    }

    [Fact]
    public void H20_revenue_share_is_15_percent_of_the_catalogue_price() =>
        Assert.Equal(100 * 12_000 * 0.15, Decide("chips-for-magnets-2025.json", "2025-09", "H20", "CN").RevenueShareUsd, 6);

    [Fact]
    public void Gulf_deals_open_stalled_licences_within_yearly_quotas()
    {
        Expect(Decide("gulf-deals-2025.json", "2025-04", "GB300", "SA"), LicenceOutcome.Denied, "D1-D4-licence");
        var ledger = new DestinationLedger();
        // 68,200 H100e a year of GB300s (3.79 H100e each): 17,994 fit, the next does not, and falls to the licence rule.
        Expect(Decide("gulf-deals-2025.json", "2025-05", "GB300", "SA", chips: 17_994, ledger: ledger), LicenceOutcome.Approved, "deal-SA-Humain");
        Expect(Decide("gulf-deals-2025.json", "2025-06", "GB300", "SA", chips: 1, ledger: ledger), LicenceOutcome.Denied, "D1-D4-licence");
        Expect(Decide("gulf-deals-2025.json", "2026-01", "GB300", "SA", chips: 1, ledger: ledger), LicenceOutcome.Approved, "deal-SA-Humain");
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", owner: "G42"), LicenceOutcome.Approved, "deal-UAE");
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", owner: "Microsoft", headquarters: "US"), LicenceOutcome.Approved, "verified-end-user");
    }

    [Fact]
    public void Verified_end_user_is_approved_on_its_own_limit()
    {
        // With the UAE quota used up, Microsoft's NVEU status still carries it up to its limit.
        var ledger = new DestinationLedger();
        ledger.Add("quota:deal-UAE:2025", Tpp.FromH100e(500_000));
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", owner: "Microsoft", ledger: ledger), LicenceOutcome.Approved, "verified-end-user");
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", owner: "G42", ledger: ledger), LicenceOutcome.Denied, "D1-D4-licence");
    }

    [Fact]
    public void Reciprocity_bands_by_what_one_entity_holds_in_one_country()
    {
        var ledger = new DestinationLedger();
        // Small installations stay exempt, with monitoring and no-clustering attached.
        var small = Decide("reciprocity-2026.json", "2026-03", "H100-SXM", "BR", chips: 999, ledger: ledger);
        Expect(small, LicenceOutcome.Exempt, "small-installation");
        Assert.Equal(new LicenceConditions { NoClustering = true, ExporterMonitoring = 0.3 }, small.Conditions);
        Expect(Decide("reciprocity-2026.json", "2026-03", "GB300", "BR", chips: 1000, consignee: "a", ledger: ledger), LicenceOutcome.Approved, "reciprocity: simplified review");
        Expect(Decide("reciprocity-2026.json", "2026-04", "GB300", "BR", chips: 1000, consignee: "a", ledger: ledger), LicenceOutcome.Approved, "reciprocity: pre-clearance");
        Expect(Decide("reciprocity-2026.json", "2026-04", "GB300", "BR", chips: 200_000, consignee: "a", ledger: ledger), LicenceOutcome.Denied, "reciprocity: above 200,000");
        Expect(Decide("reciprocity-2026.json", "2026-04", "GB300", "SA", chips: 201_000, consignee: "h", ledger: new DestinationLedger()), LicenceOutcome.Approved, "reciprocity: intergovernmental");
        Expect(Decide("reciprocity-2026.json", "2026-02", "GB300", "BR", chips: 5000), LicenceOutcome.Exempt, "3A090-NLR");
    }
}
