using System.Text.Json;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Output;

namespace SupplyChainSim.Reports;

/// <summary>What may make compared regimes differ besides their rules: periods and worlds; and where their rules part.</summary>
public static class Comparability
{
    /// <summary>
    /// Warnings, one per way the rows differ besides their regimes, naming each row: different periods (start or
    /// months), different worlds (agents, world seed or the generated agents). Empty when only the regimes differ.
    /// </summary>
    public static IReadOnlyList<string> Warnings(IReadOnlyList<RegimeOutcome> rows)
    {
        var warnings = new List<string>();
        if (rows.Count < 2) return warnings;
        static string Period(RunInfo run) => $"{run.Start} to {run.Start.AddMonths(run.Months - 1)} ({run.Months} months)";
        if (rows.Select(r => (r.Run.Start, r.Run.Months)).Distinct().Count() > 1)
            warnings.Add("The periods differ: " + string.Join("; ", rows.Select(r => $"{r.Label} {Period(r.Run)}")) +
                ". Probabilities by the end of the run, and totals, then cover different months.");
        if (rows.Any(r => r.World is not null) && rows.Select(r => r.World).Distinct().Count() > 1)
            warnings.Add("The worlds differ: " + string.Join("; ", rows.Select(r => $"{r.Label} ({r.World?.ToString() ?? "unknown"})")) +
                ". Differences then come from the worlds as well as the regimes.");
        else if (rows.All(r => r.World is null) && rows.Select(r => r.Run.Agents).Distinct().Count() > 1)
            warnings.Add("The worlds differ: " + string.Join("; ", rows.Select(r => $"{r.Label} ({RunReport.Count(r.Run.Agents)} agents)")) +
                ". Differences then come from the worlds as well as the regimes.");
        return warnings;
    }

    /// <summary>
    /// The first month the regimes differ: the first month, from the earliest start to the latest end, in which the
    /// rules in force are not the same for every row (a rule compared by its settings, not its label or its dates).
    /// Null when the rules in force are the same throughout.
    /// </summary>
    public static YearMonth? FirstDifference(IReadOnlyList<RunInfo> runs)
    {
        if (runs.Count < 2) return null;
        var start = runs.Min(r => r.Start);
        var end = runs.Max(r => r.Start.AddMonths(r.Months - 1));
        var options = new JsonSerializerOptions(ResultFiles.RuleJson);
        string Settings(RegimeRule rule) => JsonSerializer.Serialize(rule with { From = null, Until = null, Label = null }, options);
        var settings = runs.Select(r => r.Regime.Rules.Select(rule => (Rule: rule, Settings: Settings(rule))).ToList()).ToList();
        for (var month = start; month <= end; month = month.AddMonths(1))
        {
            var inForce = settings.Select(rules => string.Join("\n", rules.Where(r => r.Rule.InForce(month)).Select(r => r.Settings).Order(StringComparer.Ordinal))).ToList();
            if (inForce.Distinct().Count() > 1) return month;
        }
        return null;
    }
}
