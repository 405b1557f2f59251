namespace SupplyChainSim.Model.Agents;

/// <summary>One check a diverted lot faces on its way: what it is, where, and the chance it catches the lot.</summary>
public readonly record struct RouteCheck(string Name, string Country, double Probability);
