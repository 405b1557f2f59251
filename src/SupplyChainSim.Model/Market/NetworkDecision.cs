namespace SupplyChainSim.Model.Market;

/// <summary>
/// What a smuggling network buys in a month, and how much. For each chip it could buy it works out the margin it expects
/// on a lot as large as its capacity allows: what the grey market pays for the lot if it gets through, less what the lot
/// and its transport cost, less the expected cost of the shell being listed; over the lot's cost. Given a draw, it picks
/// among the chips by their margins (<see cref="NetworkEconomicsSpec.ChoiceSensitivity"/>); without one, the best. At <see cref="NetworkEconomicsSpec.TargetMargin"/> or more it buys all its capacity and
/// working capital allow; below, that share of it; at no margin, nothing (it is deterred).
/// </summary>
public static class NetworkDecision
{
    /// <summary>
    /// The chip with the best margin and the chips the network buys of it (0 when even the best margin is at or below 0:
    /// deterred); null when it can buy nothing at all (no chip on offer, or not one unit within its capital).
    /// </summary>
    /// <param name="detection">The chance, as the network sees it, that a lot is caught on its way (every hop together).</param>
    /// <param name="listingLossUsd">What a detection costs it in listed shells (one, or every sibling under the Affiliates rule).</param>
    /// <param name="draw">A uniform draw in [0, 1) to pick among the chips by margin; null takes the best.</param>
    public static NetworkChoice? Choose(IEnumerable<GreyOffer> offers, int capacityChips, double capitalUsd, double detection, double listingLossUsd,
        NetworkEconomicsSpec economics, double? draw = null)
    {
        var candidates = new List<NetworkChoice>();
        foreach (var offer in offers)
        {
            var lot = Math.Min(capacityChips, Affordable(offer, capitalUsd, economics));
            lot -= lot % offer.ChipsPerUnit;
            if (lot <= 0) continue;
            candidates.Add(new NetworkChoice(offer, MarginRate(offer, lot, detection, listingLossUsd, economics), lot, lot));
        }
        if (candidates.Count == 0) return null;
        var best = draw is { } u ? Pick(candidates, u, economics.ChoiceSensitivity) : candidates.MaxBy(c => c.MarginRate)!;
        var chips = Scaled(best.Chips, best.MarginRate, best.Offer.ChipsPerUnit, economics);
        return best with { Chips = chips };
    }

    /// <summary>The candidate a draw falls on, each weighted e^(sensitivity x margin) (relative to the best, so no weight overflows).</summary>
    private static NetworkChoice Pick(List<NetworkChoice> candidates, double draw, double sensitivity)
    {
        var top = candidates.Max(c => c.MarginRate);
        var weights = candidates.Select(c => Math.Exp(sensitivity * (c.MarginRate - top))).ToList();
        var point = draw * weights.Sum();
        for (var i = 0; i < candidates.Count; i++)
        {
            point -= weights[i];
            if (point < 0) return candidates[i];
        }
        return candidates[^1];
    }

    /// <summary>Expected profit on a lot over its cost: (1 - detection) x revenue - cost - detection x listing loss, over cost.</summary>
    public static double MarginRate(GreyOffer offer, int chips, double detection, double listingLossUsd, NetworkEconomicsSpec economics)
    {
        var cost = chips * offer.UnitPriceUsd * (1 + economics.TransportCost);
        var revenue = chips * offer.H100ePerChip * offer.UsdPerH100e;
        return ((1 - detection) * revenue - cost - detection * listingLossUsd) / cost;
    }

    /// <summary>Chips of a lot the network's working capital pays for, transport included.</summary>
    private static int Affordable(GreyOffer offer, double capitalUsd, NetworkEconomicsSpec economics) =>
        (int)Math.Min(int.MaxValue, Math.Floor(Math.Max(0, capitalUsd) / (offer.UnitPriceUsd * (1 + economics.TransportCost))));

    /// <summary>The lot scaled by the margin against the target, in whole units; none at no margin.</summary>
    private static int Scaled(int lot, double margin, int chipsPerUnit, NetworkEconomicsSpec economics)
    {
        if (!(margin > 0)) return 0;
        var chips = (int)Math.Floor(lot * Math.Min(1, margin / economics.TargetMargin));
        return chips - chips % chipsPerUnit;
    }
}
