
namespace SupplyChainSim.Model.Trade;

public enum AgentKind
{
    DataCentre,
    Intermediary,
}
