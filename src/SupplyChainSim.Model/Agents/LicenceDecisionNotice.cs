using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Agents;

/// <summary>What a buyer is told of a refused order.</summary>
public sealed record LicenceDecisionNotice(Order Order, bool EntityListed)
{
    public string Consignee => Order.Consignee;
}
