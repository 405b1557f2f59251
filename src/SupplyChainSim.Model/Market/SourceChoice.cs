namespace SupplyChainSim.Model.Market;

/// <summary>
/// How a lab splits its demand among the sources open to it: by a logit of what an H100-equivalent of work costs from
/// each. A source dearer than the cheapest by a fraction x gets exp(-sensitivity x) of the cheapest one's weight, so
/// that demand moves smoothly toward whatever becomes cheaper, and all of it leaves a source that closes.
/// </summary>
public static class SourceChoice
{
    /// <summary>Each source's share (summing to 1), in the order given; a source whose cost is not a positive finite number is closed and gets 0.</summary>
    public static double[] Shares(IReadOnlyList<double> costs, double sensitivity)
    {
        var shares = new double[costs.Count];
        var cheapest = double.PositiveInfinity;
        foreach (var cost in costs)
            if (Open(cost)) cheapest = Math.Min(cheapest, cost);
        if (double.IsPositiveInfinity(cheapest)) return shares;
        var total = 0.0;
        for (var i = 0; i < costs.Count; i++)
        {
            if (!Open(costs[i])) continue;
            shares[i] = Math.Exp(-sensitivity * (costs[i] / cheapest - 1));
            total += shares[i];
        }
        for (var i = 0; i < shares.Length; i++) shares[i] /= total;
        return shares;
    }

    /// <summary>What an H100-equivalent of work costs a month from a bought chip: its price spread over the amortisation, plus running it, over its performance.</summary>
    public static double BoughtCostPerMonth(double usdPerH100e, double performance, BuyerChoiceSpec buyers) =>
        (usdPerH100e / buyers.AmortisationMonths + buyers.OperatingUsdPerH100eMonth) / performance;

    /// <summary>What an H100-equivalent of work costs a month rented abroad (about 730 hours), over the remote discount.</summary>
    public static double RentedCostPerMonth(BuyerChoiceSpec buyers) => buyers.RentalUsdPerH100eHour * HoursPerMonth / buyers.RemotePerformance;

    /// <summary>Hours in an average month: 8,766 a year over 12.</summary>
    public const double HoursPerMonth = 730.5;

    private static bool Open(double cost) => cost > 0 && double.IsFinite(cost);
}
