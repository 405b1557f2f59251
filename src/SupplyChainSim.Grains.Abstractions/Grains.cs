using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains.Abstractions;

// Messages are the model's own immutable records, passed as Immutable<T>: within a silo Orleans hands them over
// without copying, and between silos they travel through the System.Text.Json codec registered for model types.

/// <summary>Runs one simulation: places the world's agents in grains and steps it month by month.</summary>
[Alias("scs.run")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    [Alias("start")]
    Task Start(Immutable<World> world);

    /// <summary>Steps one month through every phase and returns what was recorded.</summary>
    [Alias("step")]
    Task<Immutable<MonthReport>> StepMonth();

    [Alias("finished")]
    Task<bool> IsFinished();

    [Alias("results")]
    Task<Immutable<RunResults>> GetResults();

    /// <summary>Writes every agent's state to grain storage.</summary>
    [Alias("checkpoint")]
    Task Checkpoint();

    /// <summary>Clears the stored state of the run and every agent grain of it, and lets them deactivate.</summary>
    [Alias("release")]
    Task Release();

    /// <summary>Grain calls the stepper has made in this activation (for the benchmark).</summary>
    [Alias("calls")]
    Task<long> GetGrainCalls();
}

/// <summary>What every grain that hosts part of a run's world can be asked.</summary>
[Alias("scs.agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Writes the agent's state to grain storage.</summary>
    [Alias("checkpoint")]
    Task Checkpoint();

    /// <summary>The run is over: forget the state, stored copy included, and deactivate.</summary>
    [Alias("release")]
    Task Release();
}

/// <summary>A chipmaker: its order book and the lots in its pipeline.</summary>
[Alias("scs.chipmaker")]
public interface IChipmakerGrain : IAgentGrain
{
    [Alias("init")]
    Task Initialise(Immutable<ChipmakerSpec> spec);

    [Alias("ship")]
    Task<Immutable<ShipmentsReply>> Ship(Immutable<MonthContext> month, Immutable<IReadOnlyList<LicenceDecision>> approved);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<ChipmakerView?> GetState();
}

/// <summary>A country as a destination: decides the orders bound for it and keeps their ledger.</summary>
[Alias("scs.country")]
public interface ICountryGrain : IAgentGrain
{
    [Alias("init")]
    Task Initialise(Immutable<CountrySpec> spec, Immutable<SimulationContext> context);

    [Alias("magnets")]
    Task UpdateMagnets(Immutable<Model.RareEarths.ImporterMonth> magnets);

    [Alias("decide")]
    Task<Immutable<IReadOnlyList<LicenceDecision>>> Decide(Immutable<MonthContext> month, Immutable<IReadOnlyList<Order>> orders);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<CountryView?> GetState();
}

/// <summary>A block of data centres in one country: orders, installation, cluster linking and breach checks.</summary>
[Alias("scs.datacentres")]
public interface IDataCentreBlockGrain : IAgentGrain
{
    [Alias("init")]
    Task Initialise(Immutable<DataCentreBlockPlan> plan, Immutable<SimulationContext> context);

    [Alias("order")]
    Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month);

    [Alias("link")]
    Task<Immutable<SitesReply>> InstallAndLink(Immutable<MonthContext> month, Immutable<Deliveries> deliveries);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<DataCentreBlockView?> GetState();
}

/// <summary>A block of smuggling intermediaries: shell purchases, hub warehouses and diversion.</summary>
[Alias("scs.intermediaries")]
public interface IIntermediaryBlockGrain : IAgentGrain
{
    [Alias("init")]
    Task Initialise(Immutable<IntermediaryBlockPlan> plan, Immutable<SimulationContext> context);

    [Alias("order")]
    Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month);

    [Alias("divert")]
    Task<Immutable<DiversionReply>> Divert(Immutable<MonthContext> month, Immutable<Deliveries> deliveries);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<IntermediaryBlockView?> GetState();
}

/// <summary>The recorder: every month's report, in order.</summary>
[Alias("scs.recorder")]
public interface IRecorderGrain : IAgentGrain
{
    [Alias("init")]
    Task Initialise(Immutable<RunInfo> info);

    [Alias("record")]
    Task Record(Immutable<MonthReport> report);

    [Alias("results")]
    Task<Immutable<RunResults>> GetResults();
}

/// <summary>Grain keys: every grain of a run is keyed under the run's key, so runs never share agents.</summary>
public static class GrainKeys
{
    public static string Chipmaker(string run, string id) => $"{run}/chipmaker/{id}";

    public static string Country(string run, string code) => $"{run}/country/{code}";

    public static string DataCentreBlock(string run, int block) => $"{run}/datacentres/{block}";

    public static string IntermediaryBlock(string run, int block) => $"{run}/intermediaries/{block}";

    public static string Recorder(string run) => $"{run}/recorder";
}
