
namespace SupplyChainSim.Model.Regimes;

/// <summary>An account of chips: a consignee's installation, or a product's volume under a window.</summary>
public readonly record struct ChipAccount(string Key)
{
    public static ChipAccount Installation(string consignee) => new($"installation:{consignee}");

    public static ChipAccount Volume(string rule, string chipModel) => new($"{rule}:{chipModel}");
}
