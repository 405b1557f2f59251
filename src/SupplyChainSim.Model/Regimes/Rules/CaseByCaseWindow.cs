using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// Case-by-case review for named chips to named destinations, within limits (the H200 window to China and Macau from
/// 2026-01-15): total processing performance below <see cref="MaxTpp"/> (21,000) and total DRAM bandwidth below
/// <see cref="MaxMemoryBandwidthGBs"/> (6,500 GB/s); the volume to these destinations at most
/// <see cref="MaxShareOfUsVolume"/> (50%) of the product's volume approved for the United States; every shipment
/// tested by a third party; and a share of every sale (<see cref="RevenueShare"/>, 25%) paid to the US government.
/// It is not an opening for every chip under the limits: only <see cref="ChipModels"/>.
/// </summary>
[Rule("case-by-case-window")]
public sealed record CaseByCaseWindow : RegimeRule
{
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>The products under review (the H200; the MI325X is its AMD peer). Every chip passing the tests when empty.</summary>
    public IReadOnlyList<string> ChipModels { get; init; } = [];

    [ValueRange(1, ScenarioLimits.ChipTpp)]
    public double MaxTpp { get; init; } = 21_000;

    [ValueRange(1, 1_000_000)]
    public double MaxMemoryBandwidthGBs { get; init; } = 6_500;

    /// <summary>The most of a product's US-bound volume that may go to the destinations; no limit when absent.</summary>
    [ValueRange(0, 100)]
    public double? MaxShareOfUsVolume { get; init; } = 0.5;

    public bool ThirdPartyTesting { get; init; } = true;

    [ValueRange(0, 1, Is = "a fraction")]
    public double RevenueShare { get; init; }

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        var chip = request.Chip;
        if (!request.Controlled || !CountryGroups.Matches(Destinations, request.Destination)) return null;
        if (ChipModels.Count > 0 && !ChipModels.Contains(chip.Model)) return null;
        if (!(chip.Tpp < MaxTpp) || chip.MemoryBandwidthGBs is not { } bandwidth || !(bandwidth < MaxMemoryBandwidthGBs)) return null;
        if (MaxShareOfUsVolume is { } share)
        {
            var limit = (long)Math.Floor(share * request.UsBoundChips.GetValueOrDefault(chip.Model));
            if (!request.Ledger.TryUse(ChipAccount.Volume(Reason, chip.Model), request.Order.Chips, limit)) return null;
        }
        return request.Decide(Id, LicenceOutcome.Approved, $"TPP below {MaxTpp:0}, bandwidth below {MaxMemoryBandwidthGBs:0} GB/s") with
        {
            Conditions = new LicenceConditions { ThirdPartyTesting = ThirdPartyTesting },
            RevenueShare = RevenueShare,
            RevenueShareUsd = request.Order.Chips * (chip.UnitPriceUsd ?? 0) * RevenueShare,
        };
    }

    public override void Check(RuleChecks checks)
    {
        checks.Destinations("destinations", Destinations);
        checks.Chips("chipModels", ChipModels);
        if (RevenueShare > 0)
        {
            if (ChipModels.Count == 0) checks.Error("chipModels", "a window with a revenue share must name its chips, so that each has a price to share");
            checks.Priced("chipModels", ChipModels, "a revenue share");
        }
        if (checks.ChipsKnown)
            foreach (var model in ChipModels.Where(m => checks.Catalogue.Contains(m) && checks.Catalogue[m].MemoryBandwidthGBs is null))
                checks.Warning("chipModels", $"\"{model}\" has no memoryBandwidthGBs in the catalogue, so it never passes the window's bandwidth test");
    }
}
