using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

public enum LicenceOutcome
{
    Approved,
    Denied,
    Exempt,
    Notified,
}

/// <summary>A licence decision on one order, with the rule that decided it.</summary>
public sealed record LicenceDecision(Order Order, LicenceOutcome Outcome, string Rule)
{
    /// <summary>The route the chips travel if they ship; null when denied.</summary>
    public Route? Route => Outcome switch
    {
        LicenceOutcome.Approved => Trade.Route.Licensed,
        LicenceOutcome.Exempt or LicenceOutcome.Notified => Trade.Route.Exempt,
        _ => null,
    };
}

/// <summary>What a regime needs to know about an order to decide it.</summary>
public sealed record LicenceRequest(Order Order, ChipSpec Chip, ChipmakerSpec Seller, CountrySpec Destination, CountrySpec OwnerHeadquarters);

/// <summary>What a regime needs to know about a linked cluster to say how large it may be.</summary>
public sealed record ClusterSite(string Site, string Owner, CountrySpec Country, CountrySpec OwnerHeadquarters, Tpp Installed, Tpp Lawful);

/// <summary>
/// An export regime: the licence decision for an order, and the largest cluster it permits a site. The regimes issue
/// grows this seam into composable rules on a timeline; here it holds the baseline controls.
/// </summary>
public interface IExportRegime
{
    string Name { get; }

    LicenceDecision Decide(LicenceRequest request);

    /// <summary>The largest cluster the regime permits at the site; null when it sets no limit.</summary>
    Tpp? PermittedCluster(ClusterSite site);
}

public static class RegimePresets
{
    public static readonly IReadOnlyList<string> Names = [BaselineControls.PresetName];

    public static IExportRegime Create(string preset) => preset switch
    {
        BaselineControls.PresetName => new BaselineControls(),
        _ => throw new ArgumentException($"unknown regime preset '{preset}'", nameof(preset)),
    };
}

/// <summary>
/// The October 2022 / October 2023 controls: 3A090 chips need a licence to Country Group D:5 and Macau, and to entities
/// headquartered there wherever they are, with a presumption of denial. Elsewhere they ship without one.
/// </summary>
public sealed class BaselineControls : IExportRegime
{
    public const string PresetName = "baseline-2023";

    public string Name => PresetName;

    public LicenceDecision Decide(LicenceRequest request)
    {
        if (!request.Seller.IsSubjectToEar)
            return new(request.Order, LicenceOutcome.Exempt, "not-EAR: the seller's chips are not subject to US export controls");
        if (request.Seller.Country == request.Destination.Code)
            return new(request.Order, LicenceOutcome.Exempt, "domestic: a sale within the seller's country is not an export");
        var exportClass = Eccn3A090.Classify(request.Chip);
        if (exportClass == ExportClass.NotControlled)
            return new(request.Order, LicenceOutcome.Exempt, "not-3A090: below the 3A090 thresholds, no licence required");
        if (request.Destination.IsD5 || request.OwnerHeadquarters.IsD5)
            return new(request.Order, LicenceOutcome.Denied, "3A090-D5: presumption of denial for Country Group D:5 and Macau, and entities headquartered there");
        return exportClass == ExportClass.Eccn3A090b
            ? new(request.Order, LicenceOutcome.Notified, "3A090.b-NAC: notified advanced computing, no licence required outside D:5")
            : new(request.Order, LicenceOutcome.Exempt, "3A090-NLR: no licence required outside D:5");
    }

    /// <summary>In D:5 (or for D:5-headquartered owners) only lawfully acquired chips may be linked; elsewhere no limit.</summary>
    public Tpp? PermittedCluster(ClusterSite site) =>
        site.Country.IsD5 || site.OwnerHeadquarters.IsD5 ? site.Lawful : null;
}
