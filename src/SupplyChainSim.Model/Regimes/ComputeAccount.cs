using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>An account of compute in a destination's ledger: a cap, an allowance, a quota or a holding.</summary>
/// <param name="Year">For an account that counts one calendar year, its year (<see cref="DestinationLedger.ComputeThisYear"/>).</param>
public readonly record struct ComputeAccount(string Key, int? Year = null)
{
    public static ComputeAccount CountryCap(YearMonth from, YearMonth until) => new($"cap:{from}..{until}");

    public static ComputeAccount ConsigneeYear(string rule, string consignee, int year) => new($"{rule}:{consignee}:{year}", year);

    public static ComputeAccount Quota(string rule, string period) => new($"quota:{rule}:{period}");

    public static ComputeAccount Holding(string rule, string owner) => new($"{rule}:{owner}");
}
