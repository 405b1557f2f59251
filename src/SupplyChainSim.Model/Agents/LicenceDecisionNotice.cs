using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Agents;

/// <summary>What a buyer is told of a refused order.</summary>
public sealed record LicenceDecisionNotice(Order Order, bool EntityListed)
{
    /// <summary>The notice of a refusal: whether it was the Entity List that refused tells a shell's intermediary to drop it.</summary>
    public static LicenceDecisionNotice Of(LicenceDecision refused) => new(refused.Order, refused.DecidedBy.Is<EntityListDenial>());

    public string Consignee => Order.Consignee;
}
