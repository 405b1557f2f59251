using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Grains;

public sealed class ChipmakerGrain([PersistentState("chipmaker")] IPersistentState<AgentState<Chipmaker>> storage, RunContexts contexts)
    : AgentGrain<Chipmaker>(storage, contexts), IChipmakerGrain
{
    public Task Initialise(Immutable<ChipmakerSpec> spec, string run) => Hold(run, _ => new Chipmaker { Spec = spec.Value });

    public Task<Immutable<ShipmentsReply>> Ship(Immutable<MonthContext> month, Immutable<IReadOnlyList<LicenceDecision>> approved)
    {
        var lots = Agent.TakeOrdersAndShip(month.Value.Month, approved.Value, month.Value.ProductionFactor.GetValueOrDefault(Agent.Spec.Country, 1));
        return Task.FromResult(new ShipmentsReply(lots, Agent.Busy).AsImmutable());
    }

    public Task<ChipmakerView?> GetState() => Task.FromResult(Held?.View());
}

public sealed class CountryGrain([PersistentState("country")] IPersistentState<AgentState<CountryAgent>> storage, RunContexts contexts)
    : AgentGrain<CountryAgent>(storage, contexts), ICountryGrain
{
    public Task Initialise(Immutable<CountrySpec> spec, string run) => Hold(run, _ => new CountryAgent { Spec = spec.Value });

    public Task UpdateMagnets(Immutable<Model.RareEarths.ImporterMonth> magnets)
    {
        Agent.Magnets = magnets.Value;
        return Task.CompletedTask;
    }

    public Task<Immutable<IReadOnlyList<LicenceDecision>>> Decide(Immutable<MonthContext> month, Immutable<IReadOnlyList<Order>> orders) =>
        Task.FromResult(((IReadOnlyList<LicenceDecision>)Agent.Decide(month.Value, Context, orders.Value)).AsImmutable());

    public Task<CountryView?> GetState() => Task.FromResult(Held?.View());
}

/// <summary>One month's report, as the stepper recorded it.</summary>
public sealed class MonthRecordGrain([PersistentState("month")] IPersistentState<AgentState<MonthReport>> storage, RunContexts contexts)
    : AgentGrain<MonthReport>(storage, contexts), IMonthRecordGrain
{
    public Task Record(Immutable<MonthReport> report, string run) => Hold(run, _ => report.Value);

    public Task<Immutable<MonthReport>> Report() => Task.FromResult(Agent.AsImmutable());
}
