using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>The route (and intermediary) that contributed most to a cluster, and its H100e.</summary>
internal sealed record RouteContribution(string Route, string? Via, double H100e)
{
    public static RouteContribution Of((Route Route, string? Via, Tpp Compute) contribution) =>
        new(ResultFiles.RouteName(contribution.Route), contribution.Via, ResultFiles.H100e(contribution.Compute));
}
