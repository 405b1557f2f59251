using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>Decisions of one outcome by one rule (its name, <see cref="LicenceDecision.Basis"/>), and the compute they carried.</summary>
public sealed record LicenceTallyRow(string Basis, LicenceOutcome Outcome, int Decisions, Tpp Compute);
