using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>A licence decision on one order, with the rule that decided it and what comes attached.</summary>
public sealed record LicenceDecision(Order Order, LicenceOutcome Outcome, string Rule)
{
    public LicenceConditions Conditions { get; init; } = LicenceConditions.None;

    /// <summary>The compute the order carries.</summary>
    public Tpp Compute { get; init; }

    /// <summary>Share of the sale's value the exporter pays the US government (0.15 for H20 to China from 2025-08).</summary>
    public double RevenueShare { get; init; }

    /// <summary>What the revenue share comes to on this sale, at the catalogue's unit price.</summary>
    public double RevenueShareUsd { get; init; }

    /// <summary>
    /// The name (or label) of the rule that decided, without its explanation: interned, so the order books and
    /// acquisitions that keep it (millions in a large world) share a handful of strings.
    /// </summary>
    public string Basis => string.Intern(Rule.IndexOf(':') is var colon and >= 0 ? Rule[..colon] : Rule);

    /// <summary>The route the chips travel if they ship; null when denied.</summary>
    public Route? Route => Outcome switch
    {
        LicenceOutcome.Approved => Trade.Route.Licensed,
        LicenceOutcome.Exempt or LicenceOutcome.Notified => Trade.Route.Exempt,
        _ => null,
    };
}
