
namespace SupplyChainSim.Model.Agents;

/// <summary>One entry of the destination ledger: a cap, allowance or quota key and what has been counted against it.</summary>
public sealed record LedgerLine(string Key, double Used, string Unit);
