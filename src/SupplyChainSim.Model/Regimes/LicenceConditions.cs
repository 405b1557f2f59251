namespace SupplyChainSim.Model.Regimes;

/// <summary>Conditions attached to an exemption or a licence.</summary>
public sealed record LicenceConditions
{
    public static readonly LicenceConditions None = new();

    /// <summary>The recipient must run software that stops the chips being linked into a larger cluster.</summary>
    public bool NoClustering { get; init; }

    /// <summary>Probability that the exporter's monitoring detects a diverted lot.</summary>
    public double ExporterMonitoring { get; init; }

    public bool LocationVerification { get; init; }

    /// <summary>Every lot is tested by a third-party laboratory in the exporting country before it ships: a month longer.</summary>
    public bool ThirdPartyTesting { get; init; }

    /// <summary>Short text for licences.csv, for example "no-clustering;monitoring=0.3".</summary>
    public override string ToString() => string.Join(';', new[]
    {
        NoClustering ? "no-clustering" : null,
        ExporterMonitoring > 0 ? FormattableString.Invariant($"monitoring={ExporterMonitoring}") : null,
        LocationVerification ? "location-verification" : null,
        ThirdPartyTesting ? "third-party-testing" : null,
    }.Where(c => c is not null));
}
