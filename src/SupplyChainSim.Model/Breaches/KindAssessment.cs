using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Breaches;

/// <summary>
/// What one breach kind finds in one linked cluster: the compute it counts, how much of it the rules permit and
/// which rule and figure set that, and the acquisitions counted (their compute adds up to <see cref="Counted"/>).
/// </summary>
public sealed record KindAssessment(string Kind, Tpp Counted, Tpp Permitted, string LimitBasis, IReadOnlyList<Acquisition> Acquisitions)
{
    /// <summary>
    /// Interned: breaches and standings keep it, clusters are assessed month after month, and a run's rules give only
    /// a few such texts.
    /// </summary>
    public string LimitBasis { get; init; } = string.Intern(LimitBasis);

    /// <summary>What the cluster holds beyond what is permitted: the unauthorised compute of this kind.</summary>
    public Tpp Excess => Counted > Permitted ? Counted - Permitted : Tpp.Zero;

    public bool Breached => Excess > Tpp.Zero;
}
