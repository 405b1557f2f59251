using SupplyChainSim.Model.Market;

namespace SupplyChainSim.Output.Json;

/// <summary>Why controlled compute did not reach the grey market's labs, in H100e (<see cref="KeptOut"/>), to three decimals.</summary>
internal sealed record KeptOutTotals(double DeterredH100e, double SeizedH100e, double SubstitutedH100e)
{
    public static KeptOutTotals? Of(KeptOut? keptOut) => keptOut is null ? null
        : new(Round(keptOut.DeterredH100e), Round(keptOut.SeizedH100e), Round(keptOut.SubstitutedH100e));

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
