
namespace SupplyChainSim.Model.Agents;

public sealed record OrderBookLine(string Order, string Buyer, string Destination, string ChipModel, int Chips, int ChipsToMake, string Route, string Basis);
