
namespace SupplyChainSim.Cli.Live;

public sealed record LiveRun(string Scenario, string Description, ulong Seed, string Start, string End, int Months, int Agents,
    IReadOnlyList<string> Regime, string RunKey);
