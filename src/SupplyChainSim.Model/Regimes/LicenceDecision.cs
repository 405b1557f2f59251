using System.Text.Json.Serialization;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>A licence decision on one order, with the rule that decided it, why, and what comes attached.</summary>
public sealed record LicenceDecision(Order Order, LicenceOutcome Outcome, RuleId DecidedBy, DecisionReason Reason)
{
    public LicenceConditions Conditions { get; init; } = LicenceConditions.None;

    /// <summary>The compute the order carries.</summary>
    public Tpp Compute { get; init; }

    /// <summary>Share of the sale's value the exporter pays the US government (0.15 for H20 to China from 2025-08).</summary>
    public double RevenueShare { get; init; }

    /// <summary>What the revenue share comes to on this sale, at the catalogue's unit price.</summary>
    public double RevenueShareUsd { get; init; }

    /// <summary>The rule and its reason in words, as licences.csv gives them ("lpp-exemption: within the consignee's yearly allowance").</summary>
    [JsonIgnore]
    public string Rule => $"{DecidedBy.Name}: {Reason}";

    /// <summary>The name (or label) of the rule that decided, without its reason.</summary>
    [JsonIgnore]
    public string Basis => DecidedBy.Name;

    /// <summary>The route the chips travel if they ship; null when denied.</summary>
    public Route? Route => Outcome switch
    {
        LicenceOutcome.Approved => Trade.Route.Licensed,
        LicenceOutcome.Exempt or LicenceOutcome.Notified => Trade.Route.Exempt,
        _ => null,
    };
}
