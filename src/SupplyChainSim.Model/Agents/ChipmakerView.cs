
namespace SupplyChainSim.Model.Agents;

/// <summary>A chipmaker's order book (orders accepted, chips still to make) and the lots on their way.</summary>
public sealed record ChipmakerView(
    string Id,
    string Country,
    int OrdersInBook,
    long ChipsToMake,
    IReadOnlyList<OrderBookLine> OrderBook,
    int LotsInTransit,
    IReadOnlyList<LotLine> InTransit);
