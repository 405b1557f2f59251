namespace SupplyChainSim.Model.Agents;

/// <summary>Where a smuggling network stands on a grey market: trading, yet to form, or gone for good.</summary>
public enum NetworkStatus
{
    Active,

    /// <summary>Drawn with the world but not formed: it forms when the market's margins call for it.</summary>
    Potential,

    /// <summary>Every shell listed, or no margin for too long: it has left the trade.</summary>
    Left,
}
