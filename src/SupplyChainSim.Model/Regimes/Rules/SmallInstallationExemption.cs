using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>Installations of fewer than MaxChips chips need no licence (the exemption the 2026 reciprocity draft keeps, with conditions).</summary>
[Rule("small-installation")]
public sealed record SmallInstallationExemption : RegimeRule, IConsigneeExemption
{
    [ValueRange(1, ScenarioLimits.H100e)]
    public int MaxChips { get; init; } = 1000;

    [ValueRange(1, 3)]
    public IReadOnlyList<int> Tiers { get; init; } = [2];

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || !Tiers.Contains(request.Destination.Tier)) return null;
        return request.Ledger.TryUse(ChipAccount.Installation(request.Order.Consignee), request.Order.Chips, MaxChips - 1)
            ? request.Decide(Id, LicenceOutcome.Exempt, $"installation below {MaxChips} chips")
            : null;
    }

    /// <summary>One consignee's installation may hold fewer than MaxChips chips under the exemption: the first
    /// MaxChips - 1 chips exported under it, in the order they were exported.</summary>
    public (Tpp Permitted, string Basis) ConsigneeLimit(IReadOnlyList<Acquisition> exportedUnderThis)
    {
        long room = MaxChips - 1;
        var permitted = Tpp.Zero;
        foreach (var a in exportedUnderThis.OrderBy(a => a.Exported).ThenBy(a => a.Month))
        {
            var chips = Math.Min(room, a.Chips);
            if (chips <= 0) break;
            permitted += new Tpp(a.Compute.Tenths / a.Chips * chips);
            room -= chips;
        }
        return (permitted, $"{Reason}: one installation below {MaxChips:N0} chips");
    }
}
