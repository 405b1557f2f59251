using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// One country in one month. Licensed and exempt flows are chipmakers' deliveries to consignees in the country (shell
/// companies in a hub included); smuggled flows are intermediaries' deliveries into it.
/// </summary>
public sealed record CountryMonth(
    string Country,
    Flow Licensed,
    Flow Exempt,
    Flow Smuggled,
    Flow Denied,
    Tpp Installed,
    Tpp LargestCluster,
    int NewBreaches)
{
    /// <summary>Diverted chips seized in the country.</summary>
    public Flow Seized { get; init; }

    /// <summary>Unauthorised compute in the country's clusters at the end of the month: each cluster's largest excess.</summary>
    public Tpp Unauthorised { get; init; }
}
