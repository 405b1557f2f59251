using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// Conditions attached to every exemption (and, if asked, every licence) while in force: no-clustering software,
/// exporter monitoring, location verification, third-party testing (the 2026 reciprocity draft; the Chip Security Act).
/// </summary>
[Rule("exemption-conditions")]
public sealed record ExemptionConditions : RegimeRule
{
    public bool NoClustering { get; init; }

    /// <summary>The largest cluster no-clustering software lets a site of exempt chips form.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double? NoClusteringLimitH100e { get; init; }

    [ValueRange(0, 1, Is = "a probability")]
    public double ExporterMonitoring { get; init; }

    public bool LocationVerification { get; init; }

    public bool ThirdPartyTesting { get; init; }

    public bool AlsoOnLicences { get; init; }

    public override LicenceDecision Amend(LicenceRequest request, LicenceDecision decision)
    {
        var applies = request.Controlled && request.IsExport && decision.Outcome switch
        {
            LicenceOutcome.Exempt or LicenceOutcome.Notified => true,
            LicenceOutcome.Approved => AlsoOnLicences,
            _ => false,
        };
        if (!applies) return decision;
        var c = decision.Conditions;
        return decision with
        {
            Conditions = c with
            {
                NoClustering = c.NoClustering || NoClustering,
                ExporterMonitoring = Math.Max(c.ExporterMonitoring, ExporterMonitoring),
                LocationVerification = c.LocationVerification || LocationVerification,
                ThirdPartyTesting = c.ThirdPartyTesting || ThirdPartyTesting,
            },
        };
    }

    public override void Check(RuleChecks checks)
    {
        if (NoClusteringLimitH100e > 10_000_000)
            checks.Warning("noClusteringLimitH100e", $"{NoClusteringLimitH100e:N0} H100e is more than the world makes: is this TPP rather than H100e?");
        if (NoClustering && NoClusteringLimitH100e is null)
            checks.Warning("noClusteringLimitH100e", "no-clustering without a limit: chips linked against it are never held to a size, so no breach of this kind is found");
    }
}
