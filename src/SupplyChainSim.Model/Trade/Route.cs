
namespace SupplyChainSim.Model.Trade;

/// <summary>How chips reached their holder: under a licence, without one (exempt, notified or not controlled), or diverted.</summary>
public enum Route
{
    Licensed,
    Exempt,
    Smuggled,
}
