using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>Chip licences given for magnets: the named chips to the exporter's buyers, within a monthly quota.</summary>
public sealed record Concession(YearMonth From, string OfferedBy, string AcceptedBy, IReadOnlyList<string> ChipModels, double RevenueShare, double QuotaH100ePerMonth)
{
    public const string Label = "magnet-concession";

    public IEnumerable<RegimeRule> Rules()
    {
        yield return new ModelLicence
        {
            From = From, ChipModels = ChipModels, Destinations = [AcceptedBy], Policy = LicencePolicy.Approve, QuotaH100ePerMonth = QuotaH100ePerMonth, Label = Label,
        };
        if (RevenueShare > 0)
            yield return new RevenueShare { From = From, ChipModels = ChipModels, Destinations = [AcceptedBy], Share = RevenueShare, Label = Label };
    }
}
