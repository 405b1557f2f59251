
namespace SupplyChainSim.Cli.Live;

/// <summary>The run at the head of the live page: its scenario, seed, months, agents and regime, and its grains' run key.</summary>
public sealed record LiveRunInfo(string Scenario, string Description, ulong Seed, string Start, string End, int Months, int Agents,
    IReadOnlyList<string> Regime, string RunKey);
