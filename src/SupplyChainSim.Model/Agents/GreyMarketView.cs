namespace SupplyChainSim.Model.Agents;

/// <summary>The grey market as an observer sees it: each generation's premium over list, and the networks still to form.</summary>
public sealed record GreyMarketView(IReadOnlyDictionary<string, double> Premiums, int PotentialNetworks, IReadOnlyList<string> Forming);
