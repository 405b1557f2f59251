using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>The export regime: its rules, each in force over its own months. Without rules, the baseline controls.</summary>
public sealed record RegimeSpec
{
    public IReadOnlyList<RegimeRule> Rules { get; init; } = [new Baseline3A090()];
}
