using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// Which rule decided an order, as code tells rules apart: its kind (a rule's name in <see cref="DecisionOrder"/>, or one
/// of the regime's own answers when no rule decides) and the name the run's outputs give it (its label, or else its
/// kind). Compared whole and never parsed, so a label cannot pass for another kind of rule.
/// </summary>
[JsonConverter(typeof(RuleIdJsonConverter))]
public readonly record struct RuleId(string Kind, string Name)
{
    /// <summary>Chips not subject to the EAR: no US export at all.</summary>
    public static readonly RuleId NotSubjectToEar = Own("not-EAR");

    /// <summary>A sale within the seller's country: not an export.</summary>
    public static readonly RuleId Domestic = Own("domestic");

    /// <summary>Chips below the 3A090 thresholds.</summary>
    public static readonly RuleId Below3A090 = Own("not-3A090");

    /// <summary>3A090.b chips to D:1, D:4 or D:5 under a notification (License Exception NAC).</summary>
    public static readonly RuleId NotifiedAdvancedComputing = Own("3A090.b-NAC");

    /// <summary>3A090 chips where no rule requires a licence.</summary>
    public static readonly RuleId NoLicenceRequired = Own("3A090-NLR");

    public static RuleId Of(RegimeRule rule) => new(rule.Name, rule.Reason);

    /// <summary>Whether a rule of kind <typeparamref name="TRule"/> decided.</summary>
    public bool Is<TRule>() where TRule : RegimeRule => Kind == DecisionOrder.NameOf(typeof(TRule));

    /// <summary>The same id with its strings interned: kept by millions of order-book lines and acquisitions, it then shares a handful.</summary>
    public RuleId Interned() => new(string.Intern(Kind), string.Intern(Name));

    public override string ToString() => Name;

    private static RuleId Own(string name) => new(name, name);
}
