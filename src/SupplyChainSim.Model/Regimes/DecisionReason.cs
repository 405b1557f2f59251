namespace SupplyChainSim.Model.Regimes;

/// <summary>Why a rule decided as it did: what it found, in the words licences.csv gives, and where it was decided.</summary>
public readonly record struct DecisionReason(string Finding, DecisionPoint At = DecisionPoint.Ordered)
{
    public override string ToString() => At == DecisionPoint.Border ? Finding + "; in force when the lot reached the border: stopped" : Finding;
}
