using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// The reciprocity draft (reported 2026-03): a licence everywhere, in bands by what one entity holds in one country, in
/// GB300-equivalents: simplified review up to 1,000; pre-clearance up to 200,000; beyond that only under an
/// intergovernmental agreement with investment pledged in US AI infrastructure (1 USD per 1 USD of build-out).
/// </summary>
[Rule("reciprocity")]
public sealed record Reciprocity : RegimeRule
{
    [ValueRange(0, ScenarioLimits.H100e)]
    public double SimplifiedUpToGb300 { get; init; } = 1_000;

    [ValueRange(0, ScenarioLimits.H100e)]
    public double PreclearanceUpToGb300 { get; init; } = 200_000;

    /// <summary>Countries with an intergovernmental agreement, and the investment (USD) each pledged in US data centres.</summary>
    [ValueRange(0, 1e13)]
    public IReadOnlyDictionary<string, double> Agreements { get; init; } = new Dictionary<string, double>();

    [ValueRange(0, 10)]
    public double InvestmentPerUsdOfBuildOut { get; init; } = 1;

    /// <summary>A GB300's TPP: the draft's unit.</summary>
    public const double Gb300Tpp = 60_000;

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled) return null;
        var holding = ComputeAccount.Holding("reciprocity", request.Order.Owner);
        var held = request.Ledger[holding] + request.Compute;
        string band;
        if (held <= Tpp.FromTpp(SimplifiedUpToGb300 * Gb300Tpp)) band = "simplified review";
        else if (held <= Tpp.FromTpp(PreclearanceUpToGb300 * Gb300Tpp)) band = "pre-clearance";
        else
        {
            var pledge = (decimal)Agreements.GetValueOrDefault(request.Destination.Code);
            var buildOut = request.Order.Chips * (decimal)(request.Chip.UnitPriceUsd ?? 0) * (decimal)InvestmentPerUsdOfBuildOut;
            if (pledge <= 0 || !request.Ledger.TryUse(DollarAccount.Pledge(request.Destination.Code), buildOut, pledge))
                return request.Decide(Id, LicenceOutcome.Denied, "above 200,000 GB300 without an intergovernmental agreement and pledge");
            band = "intergovernmental agreement";
        }
        request.Ledger.Add(holding, request.Compute);
        return request.Decide(Id, LicenceOutcome.Approved, band);
    }

    public override void Check(RuleChecks checks)
    {
        checks.CountryCodes("agreements", Agreements.Keys);
        if (PreclearanceUpToGb300 < SimplifiedUpToGb300) checks.Error("preclearanceUpToGb300", "expected at least simplifiedUpToGb300");
    }
}
