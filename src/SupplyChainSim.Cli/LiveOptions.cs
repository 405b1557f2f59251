
namespace SupplyChainSim.Cli;

/// <summary>Where the dashboard and the live page listen: loopback unless the user widens it.</summary>
public sealed record LiveOptions(string Bind, int Port);
