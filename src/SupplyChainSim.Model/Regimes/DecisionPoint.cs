namespace SupplyChainSim.Model.Regimes;

/// <summary>Where a licence decision was taken.</summary>
public enum DecisionPoint
{
    /// <summary>When the order was placed: the destination's country decided it under the regime in force.</summary>
    Ordered,

    /// <summary>When the lot reached the border: a rule that came into force after the order stopped it.</summary>
    Border,
}
