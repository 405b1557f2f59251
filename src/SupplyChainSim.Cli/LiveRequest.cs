
namespace SupplyChainSim.Cli;

/// <summary>How a watched run is served and paced.</summary>
internal sealed record LiveRequest(string Bind, int Port, TimeSpan Pace);
