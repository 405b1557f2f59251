using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// The checks a diverted lot faces between the hub warehouse and its buyer, in the order it meets them: the exporter's
/// monitoring and location verification (conditions the lot carries), then customs and any transit permit in the hub and
/// in every transit country. The same list draws the lot's fate (<see cref="Intermediary"/>) and gives a network its
/// sense of the risk before it buys (<see cref="Detection"/>).
/// </summary>
public static class RouteChecks
{
    public static IEnumerable<RouteCheck> Of(IntermediarySpec route, LicenceConditions conditions, YearMonth month, SimulationContext context)
    {
        yield return new("exporter-monitoring", route.Hub, conditions.ExporterMonitoring);
        yield return new("location-verification", route.Hub, conditions.LocationVerification ? context.Enforcement.LocationVerificationDetection : 0);
        // A country's own permit on re-exports (Malaysia's from 2025-07) checks every lot leaving or passing through it.
        var permits = context.RegimeAt(month).Rules.OfType<Regimes.Rules.TransitPermit>().ToList();
        foreach (var country in route.Transit.Prepend(route.Hub))
        {
            yield return new("customs", country, context.Enforcement.HubCustomsDetection * context.Countries[country].CustomsEnforcement);
            foreach (var permit in permits.Where(p => p.Country == country)) yield return new("transit-permit", country, permit.Detection);
        }
    }

    /// <summary>The chance that some check on the route catches a lot: one less the chance that every one misses it.</summary>
    public static double Detection(IntermediarySpec route, LicenceConditions conditions, YearMonth month, SimulationContext context) =>
        1 - Of(route, conditions, month, context).Aggregate(1.0, (missed, check) => missed * (1 - check.Probability));
}
