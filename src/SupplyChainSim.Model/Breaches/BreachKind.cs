namespace SupplyChainSim.Model.Breaches;

/// <summary>
/// The questions a breach answers, each owned by the rules that set its limit. A chip diverted to a holder the
/// regime would have refused counts as unlawful compute and under no other kind, so no compute is counted twice
/// for one reason.
/// </summary>
public static class BreachKind
{
    /// <summary>Controlled chips that reached a holder unlawfully (diverted where a direct export would have been
    /// denied), linked into one cluster; the lawful chips beside them are not counted. Nothing of it is permitted.</summary>
    public const string UnlawfulCompute = "unlawful-compute";

    /// <summary>One owner's linked cluster holds more compute exported under a per-consignee exemption (LPP, small
    /// installation), each lot in the year it was exported, than the exemption allows a single consignee.</summary>
    public const string PiecemealExemption = "piecemeal-exemption";

    /// <summary>Chips exported with a no-clustering condition were linked into a cluster beyond the condition's limit.</summary>
    public const string NoClustering = "no-clustering";

    /// <summary>Every kind, in the order outputs list them.</summary>
    public static readonly IReadOnlyList<string> All = [UnlawfulCompute, PiecemealExemption, NoClustering];

    /// <summary>A kind's place in <see cref="All"/>: outputs list kinds in this order.</summary>
    public static int Rank(string kind) => All.ToList().IndexOf(kind);

    /// <summary>Concern thresholds when a scenario gives none: excesses of 100 H100e (a small cluster, about 3e23 FLOP in
    /// 90 days), 1,000 H100e (more than half an LPP allowance; about 3e24 FLOP) and 10,000 H100e (about 3e25 FLOP, past
    /// the 1e25 FLOP that about 3,250 H100 train in 90 days at 40% utilisation).</summary>
    public static readonly IReadOnlyList<double> DefaultThresholdsH100e = [100, 1000, 10000];

    /// <summary>A breach kind as part of a column name: "unlawful-compute" becomes "unlawfulCompute".</summary>
    public static string Camel(string kind) =>
        string.Concat(kind.Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
