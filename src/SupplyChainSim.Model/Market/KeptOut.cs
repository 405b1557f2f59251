using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Market;

/// <summary>
/// Why controlled compute did not reach the grey market's labs over a run, in H100e, in three parts a regime acts
/// through: deterred (what active networks could have bought with their capacity and capital and did not, because the
/// margin after the risk of seizure and listing fell below their target, or to nothing); seized (lots caught on the way);
/// substituted (work the labs got from other sources instead: lawful export-grade chips, domestic accelerators, compute
/// rented abroad). Between two regime arms on the same seeds, the differences say which part a regime works through.
/// </summary>
public sealed record KeptOut(double DeterredH100e, double SeizedH100e, double SubstitutedH100e)
{
    /// <summary>A run's parts; null for a world without a grey market.</summary>
    public static KeptOut? Of(RunResults results)
    {
        var months = results.Months.Select(m => m.GreyMarket).OfType<GreyMarketMonth>().ToList();
        return months.Count == 0 ? null
            : new KeptOut(months.Sum(m => m.DeterredH100e), months.Sum(m => m.SeizedWork), months.Sum(m => m.LawfulWork + m.DomesticWork + m.RentedWork));
    }

    /// <summary>The mean of each part over replications that have one; null when none has.</summary>
    public static KeptOut? Mean(IEnumerable<KeptOut?> runs)
    {
        var parts = runs.OfType<KeptOut>().ToList();
        return parts.Count == 0 ? null
            : new KeptOut(parts.Average(p => p.DeterredH100e), parts.Average(p => p.SeizedH100e), parts.Average(p => p.SubstitutedH100e));
    }
}
