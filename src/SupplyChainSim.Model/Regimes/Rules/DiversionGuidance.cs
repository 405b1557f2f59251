using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// BIS guidance issued with the rescission of the Diffusion Rule (May 2025): exporters should watch for red flags of
/// diversion, and using Huawei Ascend chips anywhere risks violating US export controls. Exporters' due diligence on
/// controlled chips sent to transit hubs catches a diverted lot with <see cref="ExporterDiligence"/>; buyers outside
/// D:5 and Macau give up an Ascend purchase with <see cref="AscendDeterrence"/>. Both probabilities are modelling
/// choices: the guidance sets no figure.
/// </summary>
[Rule("diversion-guidance")]
public sealed record DiversionGuidance : RegimeRule
{
    [ValueRange(0, 1, Is = "a probability")]
    public double ExporterDiligence { get; init; } = 0.1;

    [ValueRange(0, 1, Is = "a probability")]
    public double AscendDeterrence { get; init; } = 0.5;

    /// <summary>The maker whose chips the guidance warns about.</summary>
    public string AscendMaker { get; init; } = "Huawei";

    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.Chip.Maker == AscendMaker && !request.ToD5 && request.Draw("ascend-guidance") < AscendDeterrence
            ? request.Decide(Id, LicenceOutcome.Denied, $"buyers outside China warned off {AscendMaker} chips; not ordered")
            : null;

    public override LicenceDecision Amend(LicenceRequest request, LicenceDecision decision) =>
        request.Controlled && request.IsExport && decision.Route is not null && request.Destination.TransitHub && decision.Conditions.ExporterMonitoring < ExporterDiligence
            ? decision with { Conditions = decision.Conditions with { ExporterMonitoring = ExporterDiligence } }
            : decision;
}
