using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// A licence exemption granted per consignee (LPP, small installation). One owner's linked cluster may hold at most
/// what a single consignee could have taken under it: more is piecemeal assembly beyond the exemption.
/// </summary>
public interface IConsigneeExemption
{
    /// <summary>How much of the compute exported under this exemption one consignee could have taken, and the rule and
    /// figure that say so (for example "lpp-exemption: 1 allowance of 1,699.2 H100e for 2025").</summary>
    (Tpp Permitted, string Basis) ConsigneeLimit(IReadOnlyList<Acquisition> exportedUnderThis);
}
