using System.Runtime.InteropServices;
using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A chipmaker produces to capacity each month, fills its order book first come first served, and delivers each
/// lot a lead time after it was produced.
/// </summary>
public sealed class Chipmaker
{
    public required ChipmakerSpec Spec { get; init; }

    /// <summary>Approved orders not yet fully produced, oldest first.</summary>
    public List<BacklogEntry> Backlog { get; init; } = [];

    /// <summary>Produced lots waiting out their lead time.</summary>
    public List<PendingLot> Pipeline { get; init; } = [];

    public bool Busy => Backlog.Count > 0 || Pipeline.Count > 0;

    /// <summary>
    /// Ships the month: what magnet shortage in its country leaves of its capacity is produced. Orders not yet made of a
    /// chip past its last month on sale are cancelled (NVIDIA stopped making the H20 in 2025-08); lots made still ship.
    /// </summary>
    public ShipmentsReply Ship(MonthContext now, IReadOnlyList<LicenceDecision> approved, ChipCatalogue catalogue)
    {
        Backlog.RemoveAll(e => catalogue.Contains(e.ChipModel) && catalogue[e.ChipModel].AvailableUntil is { } last && now.Month > last);
        var production = now.ProductionFactor.GetValueOrDefault(Spec.Country, 1);
        return new(Ship(now.Month, approved, production), Busy) { BacklogMonths = BacklogMonths(production) };
    }

    /// <summary>By chip model it makes: the chips still to make, in months of what it can make of them.</summary>
    private SortedDictionary<string, double> BacklogMonths(double production)
    {
        var remaining = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in Backlog) remaining[entry.ChipModel] = remaining.GetValueOrDefault(entry.ChipModel) + entry.Remaining;
        var months = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (model, chips) in remaining)
        {
            var monthly = Math.Floor(Spec.Capacity.GetValueOrDefault(model) * production);
            months[model] = monthly > 0 ? chips / monthly : ScenarioLimits.LeadMonths;
        }
        return months;
    }

    /// <summary>Books the month's approved orders, produces, and returns the lots that arrive this month.</summary>
    /// <param name="production">What magnet shortage leaves of capacity (1 = none).</param>
    public List<Lot> Ship(YearMonth month, IReadOnlyList<LicenceDecision> approved, double production = 1)
    {
        foreach (var decision in approved) Backlog.Add(BacklogEntry.Of(decision));

        foreach (var (model, capacity) in Spec.Capacity.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var budget = (int)Math.Floor(capacity * production);
            foreach (ref var entry in CollectionsMarshal.AsSpan(Backlog))
            {
                if (budget == 0) break;
                if (entry.ChipModel != model || entry.Remaining == 0) continue;
                var chips = Math.Min(budget, entry.Remaining);
                budget -= chips;
                entry.Remaining -= chips;
                entry.LotsProduced++;
                // Third-party testing routes every lot through a laboratory in the exporting country first: a month more.
                var arrives = month.AddMonths(Spec.LeadTimeMonths + (entry.Conditions.ThirdPartyTesting ? 1 : 0));
                var lot = new Lot($"{entry.OrderId}#{entry.LotsProduced}", entry.Buyer, entry.Consignee, entry.ReplyTo, entry.DestinationCountry,
                    Spec.Id, null, model, chips, entry.Route, arrives, entry.Conditions, entry.ExportedUnder, entry.Ordered) { OwnerHeadquarters = entry.OwnerHeadquarters };
                Pipeline.Add(new PendingLot(lot.Shipped, lot));
            }
        }
        Backlog.RemoveAll(e => e.Remaining == 0);

        var arriving = new List<Lot>();
        foreach (var pending in Pipeline)
            if (pending.Arrives <= month) arriving.Add(pending.Lot);
        Pipeline.RemoveAll(p => p.Arrives <= month);
        return arriving;
    }
}
