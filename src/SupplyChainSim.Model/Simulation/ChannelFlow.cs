using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// Compute that moved along one channel in a month, summed: from a chipmaker to a holder under a licence or without
/// one (<see cref="Delivered"/>); from a chipmaker to an intermediary's shells in its hub (<see cref="ToShells"/>); from
/// an intermediary, through its hub and transit countries, to its buyer (<see cref="Smuggled"/>); or seized from an
/// intermediary's lot in a country (<see cref="Seized"/>, no seller known). <see cref="Country"/> is the holder's
/// country (the hub for shells, where it was seized for a seizure); <see cref="Owner"/> names the holder's owner when
/// it is restricted (at a D:5 or Macau site, or headquartered there), else null.
/// </summary>
public sealed record ChannelFlow(string Stage, string Seller, Route Route, string? Hub, IReadOnlyList<string> Transit, string Country, string? Owner, Flow Flow)
{
    public const string Delivered = "delivered";
    public const string ToShells = "to-shells";
    public const string Smuggled = "smuggled";
    public const string Seized = "seized";

    /// <summary>What identifies a channel, as one text: channels are summed and ordered by it.</summary>
    public string Key => string.Join("\u001F", Stage, Seller, Route.ToString(), Hub ?? "", string.Join(">", Transit), Country, Owner ?? "");
}
