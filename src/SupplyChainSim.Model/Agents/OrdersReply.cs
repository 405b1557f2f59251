using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>What a block of data centres or intermediaries ordered this month, and when it next wants to order.</summary>
public sealed record OrdersReply(IReadOnlyList<Order> Orders, YearMonth? NextWake)
{
    /// <summary>For a block with labs of a grey market's countries: what they wanted and where they turned for it.</summary>
    public Market.LabDemand? Labs { get; init; }

    /// <summary>For a block of networks on a grey market: how many trade (neither yet to form nor gone).</summary>
    public int ActiveNetworks { get; init; }

    /// <summary>For a block of networks on a grey market: the H100e they could have bought this month and did not, for want of margin.</summary>
    public double ForgoneH100e { get; init; }
}
