using System.Text.Json.Serialization;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// One rule of an export regime, in force from <see cref="From"/> to <see cref="Until"/> (months, both included). Each
/// rule lives in its own file under Regimes/Rules, names itself with <see cref="RuleAttribute"/>, decides the orders it
/// owns, amends decisions others made, and checks its own settings. The order rules are asked in is one listing,
/// <see cref="DecisionOrder"/>. <see cref="Label"/> replaces the rule's name in licences.csv and breach records.
/// </summary>
public abstract record RegimeRule
{
    public YearMonth? From { get; init; }

    public YearMonth? Until { get; init; }

    public string? Label { get; init; }

    /// <summary>The rule's name in scenario files (its "rule" key).</summary>
    [JsonIgnore]
    public string Name => DecisionOrder.NameOf(GetType());

    /// <summary>Where the rule stands in <see cref="DecisionOrder"/>: lower decides first.</summary>
    [JsonIgnore]
    public int Precedence => DecisionOrder.PrecedenceOf(GetType());

    /// <summary>The name the run's outputs give the rule: its label, or else its name.</summary>
    [JsonIgnore]
    public string Reason => Label ?? Name;

    /// <summary>The rule as its decisions carry it.</summary>
    [JsonIgnore]
    public RuleId Id => RuleId.Of(this);

    public bool InForce(YearMonth month) => (From is null || From <= month) && (Until is null || month <= Until);

    /// <summary>The decision, if this rule decides the order; null to leave it to the next rule.</summary>
    public virtual LicenceDecision? Decide(LicenceRequest request) => null;

    /// <summary>Adjusts a decision made by any rule (conditions, revenue shares).</summary>
    public virtual LicenceDecision Amend(LicenceRequest request, LicenceDecision decision) => decision;

    /// <summary>
    /// Checks what the schema cannot: that the countries, groups and chips the rule names exist, and that its settings
    /// agree with one another. Types and ranges are checked before, from the rule's own properties.
    /// </summary>
    public virtual void Check(RuleChecks checks)
    {
    }
}
