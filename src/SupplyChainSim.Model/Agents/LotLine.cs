
namespace SupplyChainSim.Model.Agents;

public sealed record LotLine(string Lot, string Consignee, string Destination, string ChipModel, int Chips, string Route, string Arrives);
