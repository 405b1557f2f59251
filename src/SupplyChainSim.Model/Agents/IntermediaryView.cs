
namespace SupplyChainSim.Model.Agents;

public sealed record IntermediaryView(string Id, string Hub, string Buyer, string BuyerCountry, int OrdersPlaced, IReadOnlyList<ShellView> Shells, IReadOnlyList<LotLine> InHub);
