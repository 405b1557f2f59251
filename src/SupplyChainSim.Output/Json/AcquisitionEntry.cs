using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>One acquisition behind a breach: when it arrived and was exported, from whom, through whom, by which route and rule.</summary>
internal sealed record AcquisitionEntry(
    YearMonth Month, YearMonth Exported, string Seller, string? Via, string ChipModel, int Chips, double H100e, string Route, string Basis,
    bool NoClustering, string? DeniedDirectlyBy)
{
    public static AcquisitionEntry Of(Acquisition acquisition) => new(
        acquisition.Month, acquisition.Exported, acquisition.Seller, acquisition.Via, acquisition.ChipModel, acquisition.Chips,
        ResultFiles.H100e(acquisition.Compute), ResultFiles.RouteName(acquisition.Route), acquisition.Basis, acquisition.NoClustering, acquisition.DeniedDirectlyBy);
}
