using System.Text.Json.Serialization;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>A chipmaker: what it makes, how many a month, and how long an order takes to arrive.</summary>
public sealed record ChipmakerSpec : IAgentPlan<Chipmaker>
{
    public required string Id { get; init; }

    public string Country { get; init; } = "US";

    /// <summary>Months from production to delivery.</summary>
    [ValueRange(0, ScenarioLimits.LeadMonths)]
    public int LeadTimeMonths { get; init; } = 2;

    /// <summary>Chips produced per month, by chip model.</summary>
    [ValueRange(0, ScenarioLimits.ChipsPerMonth)]
    public required IReadOnlyDictionary<string, int> Capacity { get; init; }

    /// <summary>Whether its chips are subject to the US Export Administration Regulations; by default, if it is in the US.</summary>
    public bool? SubjectToEar { get; init; }

    [JsonIgnore]
    public bool IsSubjectToEar => SubjectToEar ?? Country == "US";

    Chipmaker IAgentPlan<Chipmaker>.Create(SimulationContext context) => new() { Spec = this };
}
