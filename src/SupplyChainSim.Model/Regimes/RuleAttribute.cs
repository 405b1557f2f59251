namespace SupplyChainSim.Model.Regimes;

/// <summary>A regime rule's name in scenario files (its "rule" key), written once, on the rule itself.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
