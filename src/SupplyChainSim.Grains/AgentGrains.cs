using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

public sealed class ChipmakerGrain([PersistentState("chipmaker")] IPersistentState<AgentState<Chipmaker>> storage)
    : AgentGrain<Chipmaker>(storage), IChipmakerGrain
{
    public Task Initialise(Immutable<ChipmakerSpec> spec)
    {
        Hold(new Chipmaker { Spec = spec.Value });
        return Task.CompletedTask;
    }

    public Task<Immutable<ShipmentsReply>> Ship(Immutable<MonthContext> month, Immutable<IReadOnlyList<LicenceDecision>> approved)
    {
        var lots = Agent.TakeOrdersAndShip(month.Value.Month, approved.Value, month.Value.ProductionFactor.GetValueOrDefault(Agent.Spec.Country, 1));
        return Task.FromResult(new ShipmentsReply(lots, Agent.Busy).AsImmutable());
    }

    public Task<ChipmakerView?> GetState() => Task.FromResult(Held?.View());
}

public sealed class CountryGrain([PersistentState("country")] IPersistentState<AgentState<CountryAgent>> storage)
    : AgentGrain<CountryAgent>(storage), ICountryGrain
{
    public Task Initialise(Immutable<CountrySpec> spec, Immutable<SimulationContext> context)
    {
        Hold(new CountryAgent { Spec = spec.Value }, context.Value);
        return Task.CompletedTask;
    }

    public Task UpdateMagnets(Immutable<Model.RareEarths.ImporterMonth> magnets)
    {
        Agent.Magnets = magnets.Value;
        return Task.CompletedTask;
    }

    public Task<Immutable<IReadOnlyList<LicenceDecision>>> Decide(Immutable<MonthContext> month, Immutable<IReadOnlyList<Order>> orders) =>
        Task.FromResult(((IReadOnlyList<LicenceDecision>)Agent.Decide(month.Value, Context, orders.Value)).AsImmutable());

    public Task<CountryView?> GetState() => Task.FromResult(Held?.View());
}

public sealed class DataCentreBlockGrain([PersistentState("datacentres")] IPersistentState<AgentState<DataCentreBlock>> storage)
    : AgentGrain<DataCentreBlock>(storage), IDataCentreBlockGrain
{
    public Task Initialise(Immutable<DataCentreBlockPlan> plan, Immutable<SimulationContext> context)
    {
        Hold(plan.Value.Create(context.Value), context.Value);
        return Task.CompletedTask;
    }

    public Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month) =>
        Task.FromResult(Agent.PlaceOrders(month.Value, Context).AsImmutable());

    public Task<Immutable<SitesReply>> InstallAndLink(Immutable<MonthContext> month, Immutable<Deliveries> deliveries) =>
        Task.FromResult(Agent.InstallAndLink(month.Value.Month, Context, deliveries.Value, month.Value.RegimeChanged).AsImmutable());

    public Task<DataCentreBlockView?> GetState() => Task.FromResult(Held?.View());
}

public sealed class IntermediaryBlockGrain([PersistentState("intermediaries")] IPersistentState<AgentState<IntermediaryBlock>> storage)
    : AgentGrain<IntermediaryBlock>(storage), IIntermediaryBlockGrain
{
    public Task Initialise(Immutable<IntermediaryBlockPlan> plan, Immutable<SimulationContext> context)
    {
        Hold(plan.Value.Create(context.Value), context.Value);
        return Task.CompletedTask;
    }

    public Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month) =>
        Task.FromResult(Agent.PlaceOrders(month.Value.Month, Context).AsImmutable());

    public Task<Immutable<DiversionReply>> Divert(Immutable<MonthContext> month, Immutable<Deliveries> deliveries) =>
        Task.FromResult(Agent.ReceiveAndForward(month.Value.Month, Context, deliveries.Value).AsImmutable());

    public Task<IntermediaryBlockView?> GetState() => Task.FromResult(Held?.View());
}

public sealed class RecorderGrain([PersistentState("recorder")] IPersistentState<AgentState<RunRecorder>> storage)
    : AgentGrain<RunRecorder>(storage), IRecorderGrain
{
    public Task Initialise(Immutable<RunInfo> info)
    {
        Hold(new RunRecorder { Info = info.Value });
        return Task.CompletedTask;
    }

    public Task Record(Immutable<MonthReport> report)
    {
        Agent.Record(report.Value);
        return Task.CompletedTask;
    }

    public Task<Immutable<RunResults>> GetResults() => Task.FromResult(Agent.Results().AsImmutable());
}
