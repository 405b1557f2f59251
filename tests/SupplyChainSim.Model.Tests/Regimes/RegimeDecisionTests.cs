using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.ScenarioFiles;

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
        string consignee = "buyer", string? headquarters = null, string? owner = null, DestinationLedger? ledger = null, bool buyerSide = true,
        IReadOnlyDictionary<string, long>? usBound = null)
    {
        var context = Context(scenario);
        var when = YearMonth.Parse(month);
        var request = LicenceRequest.For(context.Catalogue[chip], context.Chipmaker(context.SellerByChip[chip]), context.Countries[destination], chips, when,
            consignee, owner, headquarters is null ? null : context.Countries[headquarters], ledger) with { UsBoundChips = usBound ?? new Dictionary<string, long>() };
        return context.RegimeAt(when).Decide(request, buyerSide);
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
        Assert.Equal([("lpp:buyer:2025", 1699 * Tpp.H100Tenths)], ledger.ComputeThisYear.Select(a => (a.Key, a.Value)));
        // A new calendar year renews the allowance, and the ledger lets the spent year's accounts go; the cap's stays.
        Expect(Decide("diffusion-rule-2025.json", "2026-01", "H100-SXM", "IN", chips: 1000, ledger: ledger), LicenceOutcome.Notified, "lpp-exemption");
        Assert.Equal([("lpp:buyer:2026", 1000 * Tpp.H100Tenths)], ledger.ComputeThisYear.Select(a => (a.Key, a.Value)));
        Assert.Equal(Tpp.H100Tenths, ledger.ComputeTenths.Single(a => a.Key.StartsWith("cap:", StringComparison.Ordinal)).Value);
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
    [InlineData("2025-04")]
    [InlineData("2025-05")]
    [InlineData("2025-06")]
    public void Rescission_never_enforces_the_diffusion_rule(string month) =>
        Expect(Decide("rescission-2025.json", month, "H100-SXM", "IN"), LicenceOutcome.Exempt, "3A090-NLR");

    /// <summary>Malaysia's Strategic Trade Permit (2025-07-14) controls chips leaving Malaysia, not chips arriving there.</summary>
    [Theory]
    [InlineData("2025-06")]
    [InlineData("2025-07")]
    public void Malaysias_permit_does_not_license_imports(string month) =>
        Expect(Decide("rescission-2025.json", month, "H100-SXM", "MY"), LicenceOutcome.Exempt, "3A090-NLR");

    /// <summary>Hong Kong has been treated as China under the EAR since 2020-12-23 (85 FR 83765).</summary>
    [Theory]
    [InlineData("baseline-2023.json", "2024-06")]
    [InlineData("diffusion-rule-2025.json", "2025-06")]
    [InlineData("rescission-2025.json", "2025-06")]
    [InlineData("threshold-500.json", "2025-06")]
    [InlineData("gulf-deals-2025.json", "2025-06")]
    [InlineData("reciprocity-2026.json", "2026-04")]
    [InlineData("chips-for-magnets-2025.json", "2026-02")]
    [InlineData("magnets-leverage-2025.json", "2025-06")]
    [InlineData("piecemeal-2025.json", "2025-06")]
    [InlineData("piecemeal-stopped-2025.json", "2025-06")]
    public void A_Hong_Kong_consignee_is_denied_H100s_under_every_regime(string scenario, string month) =>
        Assert.Equal(LicenceOutcome.Denied, Decide(scenario, month, "H100-SXM", "HK").Outcome);

    [Theory]
    [InlineData("VN", LicenceOutcome.Approved, "D1-D4-licence")] // D:1 since October 2023 (88 FR 73458)
    [InlineData("SA", LicenceOutcome.Approved, "D1-D4-licence")] // D:4
    [InlineData("MY", LicenceOutcome.Exempt, "3A090-NLR")]
    public void The_baseline_licence_requirement_covers_every_D1_and_D4_country(string destination, LicenceOutcome outcome, string rule) =>
        Expect(Decide("baseline-2023.json", "2024-06", "H100-SXM", destination), outcome, rule);

    [Fact]
    public void Three_A090_b_chips_go_under_a_notification_to_D1_D4_and_D5_and_without_one_elsewhere()
    {
        // 3,000 TPP on 1,000 mm2: a performance density of 3.0, in 3A090.b (TPP 2,400 to 4,800, density 1.6 to 5.92).
        var context = Context("baseline-2023.json");
        var chip = new Chips.ChipSpec { Model = "b-class", Maker = "NVIDIA", Tpp = 3000, DieAreaMm2 = 1000 };
        Assert.Equal(Chips.ExportClass.Eccn3A090b, Chips.Eccn3A090.Classify(chip));
        LicenceDecision To(string country) => context.RegimeAt(YearMonth.Parse("2024-06")).Decide(
            LicenceRequest.For(chip, context.Chipmaker("NVIDIA"), context.Countries[country], 10, YearMonth.Parse("2024-06")));
        Expect(To("VN"), LicenceOutcome.Notified, "3A090.b-NAC");
        Expect(To("CN"), LicenceOutcome.Notified, "3A090.b-NAC");
        Expect(To("DE"), LicenceOutcome.Exempt, "3A090-NLR");
    }

    [Fact]
    public void The_tier_1_exemption_does_not_reach_an_entity_headquartered_in_D5() =>
        Expect(Decide("diffusion-rule-2025.json", "2025-06", "H100-SXM", "DE", headquarters: "CN"), LicenceOutcome.Denied, "baseline-3A090");

    [Theory]
    [InlineData("2025-03", "H20", LicenceOutcome.Exempt, "not-3A090")]
    [InlineData("2025-04", "H20", LicenceOutcome.Denied, "H20-licence")]
    [InlineData("2025-06", "MI308X", LicenceOutcome.Denied, "H20-licence")]
    [InlineData("2025-07", "H20", LicenceOutcome.Denied, "H20-licence")] // no licence until about 2025-08-08
    [InlineData("2025-12", "H200-SXM", LicenceOutcome.Denied, "baseline-3A090")]
    [InlineData("2026-01", "B200", LicenceOutcome.Denied, "baseline-3A090")] // TPP 36,000: above the window
    [InlineData("2026-01", "H100-SXM", LicenceOutcome.Denied, "baseline-3A090")] // under the limits, but not a product under review
    [InlineData("2026-01", "MI300X", LicenceOutcome.Denied, "baseline-3A090")]
    public void Chips_for_magnets_2025(string month, string chip, LicenceOutcome outcome, string rule) =>
        Expect(Decide("chips-for-magnets-2025.json", month, chip, "CN", usBound: new Dictionary<string, long> { [chip] = 1_000_000 }), outcome, rule);

    [Theory]
    [InlineData("HK")]
    [InlineData("MO")]
    [InlineData("RU")]
    public void The_H20_requirement_covers_Hong_Kong_Macau_and_the_other_D5_countries(string destination) =>
        Expect(Decide("chips-for-magnets-2025.json", "2025-05", "H20", destination), LicenceOutcome.Denied, "H20-licence");

    [Fact]
    public void The_H20_requirement_reaches_an_entity_headquartered_in_China_buying_abroad() =>
        Expect(Decide("chips-for-magnets-2025.json", "2025-05", "H20", "SG", headquarters: "CN"), LicenceOutcome.Denied, "H20-licence");

    [Fact]
    public void From_August_2025_H20_licences_are_granted_with_15_percent_but_Beijing_keeps_its_buyers_off()
    {
        // Asked without the run's random streams, every chance of the buyer's side is taken: the buyer gives it up.
        Expect(Decide("chips-for-magnets-2025.json", "2025-09", "H20", "CN"), LicenceOutcome.Denied, "Beijing-H20-guidance");
        var licensed = Decide("chips-for-magnets-2025.json", "2025-09", "H20", "CN", buyerSide: false);
        Expect(licensed, LicenceOutcome.Approved, "H20-licence");
        Assert.Equal((0.15, 100 * 12_000 * 0.15), (licensed.RevenueShare, licensed.RevenueShareUsd));
    }

    [Fact]
    public void The_H200_window_takes_at_most_half_of_the_products_US_bound_volume_and_a_quarter_of_each_sale()
    {
        var ledger = new DestinationLedger();
        var usBound = new Dictionary<string, long> { ["H200-SXM"] = 1000 };
        var first = Decide("chips-for-magnets-2025.json", "2026-01", "H200-SXM", "CN", chips: 400, ledger: ledger, usBound: usBound);
        Expect(first, LicenceOutcome.Approved, "H200-case-by-case");
        Assert.Equal((0.25, 400 * 27_000 * 0.25, true), (first.RevenueShare, first.RevenueShareUsd, first.Conditions.ThirdPartyTesting));
        Expect(Decide("chips-for-magnets-2025.json", "2026-01", "H200-SXM", "CN", chips: 100, ledger: ledger, usBound: usBound), LicenceOutcome.Approved, "H200-case-by-case");
        // 500 of the 1,000 US-bound chips are taken: the next order falls to the baseline.
        Expect(Decide("chips-for-magnets-2025.json", "2026-02", "H200-SXM", "CN", chips: 1, ledger: ledger, usBound: usBound), LicenceOutcome.Denied, "baseline-3A090");
        Expect(Decide("chips-for-magnets-2025.json", "2026-02", "H200-SXM", "MO", chips: 1, usBound: usBound), LicenceOutcome.Approved, "H200-case-by-case");
    }

    [Fact]
    public void Gulf_deals_open_stalled_licences_within_yearly_quotas()
    {
        Expect(Decide("gulf-deals-2025.json", "2025-04", "GB300", "SA"), LicenceOutcome.Denied, "D1-D4-licence");
        Expect(Decide("gulf-deals-2025.json", "2025-04", "GB300", "QA"), LicenceOutcome.Approved, "D1-D4-licence"); // the rest of D:4
        var ledger = new DestinationLedger();
        // 68,200 H100e a year of GB300s (3.79 H100e each): 17,994 fit, the next does not, and falls to the licence rule.
        Expect(Decide("gulf-deals-2025.json", "2025-05", "GB300", "SA", chips: 17_994, ledger: ledger), LicenceOutcome.Approved, "deal-SA-Humain");
        Expect(Decide("gulf-deals-2025.json", "2025-06", "GB300", "SA", chips: 1, ledger: ledger), LicenceOutcome.Denied, "D1-D4-licence");
        Expect(Decide("gulf-deals-2025.json", "2026-01", "GB300", "SA", chips: 1, ledger: ledger), LicenceOutcome.Approved, "deal-SA-Humain");
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", owner: "G42"), LicenceOutcome.Approved, "deal-UAE");
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", owner: "Microsoft", headquarters: "US"), LicenceOutcome.Approved, "verified-end-user: UVEU");
    }

    [Fact]
    public void A_universal_verified_end_user_keeps_at_most_7_percent_of_its_compute_in_one_tier_2_country()
    {
        // With the UAE quota used up, Microsoft's UVEU status carries it: its declared 485,000 H100e in the US, plus
        // what it holds in the UAE, may have at most 7% there: x <= 0.07 (485,000 + x), so x <= 36,505 H100e (9,632 GB300s).
        var ledger = new DestinationLedger();
        ledger.Add(ComputeAccount.Quota("deal-UAE", "2025"), Tpp.FromH100e(500_000));
        var gb300 = Tpp.FromTpp(60_000).H100e;
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", chips: 9_632, owner: "Microsoft", headquarters: "US", ledger: ledger),
            LicenceOutcome.Approved, "verified-end-user: UVEU");
        Assert.True(9_633 * gb300 > 0.07 * (485_000 + 9_633 * gb300) && 9_632 * gb300 <= 0.07 * (485_000 + 9_632 * gb300));
        Expect(Decide("gulf-deals-2025.json", "2025-11", "GB300", "AE", chips: 1, owner: "Microsoft", headquarters: "US", ledger: ledger),
            LicenceOutcome.Denied, "D1-D4-licence");
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
