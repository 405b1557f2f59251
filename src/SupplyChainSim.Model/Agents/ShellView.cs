
namespace SupplyChainSim.Model.Agents;

public sealed record ShellView(string Shell, double BoughtH100e, bool EntityListed);
