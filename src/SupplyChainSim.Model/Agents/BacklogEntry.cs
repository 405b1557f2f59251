using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Agents;

public sealed class BacklogEntry
{
    public required Order Order { get; init; }

    public required Route Route { get; init; }

    public LicenceConditions Conditions { get; init; } = LicenceConditions.None;

    public string Basis { get; init; } = "";

    public int Remaining { get; set; }

    public int LotsProduced { get; set; }
}
