using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>The rare-earth market over the run: its events, the concessions offered and accepted, and the worst shortage.</summary>
internal sealed record RareEarthTotals(int Events, int ConcessionsOffered, int ConcessionsAccepted, YearMonth? FirstConcessionMonth, double PeakShortage)
{
    public static RareEarthTotals Of(RunResults results)
    {
        var events = results.Months.SelectMany(m => m.RareEarths.Events).ToList();
        return new(events.Count, events.Count(e => e.Type == "concession-offered"), events.Count(e => e.Type == "concession-accepted"),
            events.FirstOrDefault(e => e.Type == "concession-accepted")?.Month,
            Math.Round(results.Months.SelectMany(m => m.RareEarths.Importers).Select(i => i.Shortage).DefaultIfEmpty(0).Max(), 4));
    }
}
