using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Live;

public sealed record LiveAcquisition(string Month, string Seller, string? Via, string ChipModel, int Chips, double H100e, string Route, string Basis)
{
    /// <summary>The grain of the intermediary the chips came through.</summary>
    public GrainLink? ViaGrain { get; init; }
}
