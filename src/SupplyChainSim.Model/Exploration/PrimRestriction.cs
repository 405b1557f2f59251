
namespace SupplyChainSim.Model.Exploration;

/// <summary>A limit of a box on one input, with its quasi-p-value: how likely a density this high would be without it.</summary>
public sealed record PrimRestriction(int Input, double Lower, double Upper, bool LimitsLower, bool LimitsUpper, double QuasiP);
