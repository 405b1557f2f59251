using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains.Abstractions;

// Messages are the model's own immutable records, passed as Immutable<T>: within a silo Orleans hands them over
// without copying, and between silos they travel through the System.Text.Json codec registered for model types.

/// <summary>Runs one simulation: places the world's agents in grains and steps it month by month.</summary>
[Alias("scs.run")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <param name="decisionsStreamed">
    /// The caller writes each month's licence decisions as <see cref="StepMonth"/> returns them (to licences.csv): the
    /// run keeps only their counts, so a large world's millions of decisions are not held until the end.
    /// </param>
    [Alias("start")]
    Task Start(Immutable<World> world, bool decisionsStreamed = false);

    /// <summary>
    /// Starts a durable run (on a cluster): checkpointed after every month (<see cref="Commit"/>) and taken back to the last
    /// checkpoint after any failure. Returns false, changing nothing, when the key already holds a run.
    /// </summary>
    /// <param name="ticket">What a client needs to finish the run if the one that started it is lost (opaque to the grain).</param>
    [Alias("begin")]
    Task<bool> Begin(Immutable<World> world, string ticket);

    /// <summary>The ticket of the durable run under this key, or null when there is none.</summary>
    [Alias("ticket")]
    Task<string?> Ticket();

    /// <summary>A new client takes over a durable run: its next call takes it back to the last checkpoint. Returns the run's months.</summary>
    [Alias("resume")]
    Task<int> Resume();

    /// <summary>
    /// Writes one part of a durable run's checkpoint after the month just stepped, part 0 first, and then the stepper's
    /// state and the month it reached; returns whether another part follows.
    /// </summary>
    [Alias("commit-part")]
    Task<bool> Commit(int part);

    /// <summary>Steps one month through every phase and returns what was recorded (with the month's decisions, streamed or not).</summary>
    [Alias("step")]
    Task<Immutable<MonthReport>> StepMonth();

    [Alias("finished")]
    Task<bool> IsFinished();

    [Alias("results")]
    Task<Immutable<RunResults>> GetResults();

    /// <summary>
    /// Writes one part of the run's agent grains to grain storage, part 0 first, and the coordinator's own state with the
    /// last; returns whether another part follows. A part is small enough to finish well within the response timeout,
    /// however large the world.
    /// </summary>
    [Alias("checkpoint-part")]
    Task<bool> Checkpoint(int part);

    /// <summary>
    /// Clears the stored state of one part of the run's agent grains and lets them deactivate, part 0 first; with the last
    /// part, the run's shared context and the coordinator itself. Returns whether another part follows.
    /// </summary>
    [Alias("release-part")]
    Task<bool> Release(int part);

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

    /// <summary>Writes the agent's state to checkpoint slot 0 or 1 of a durable run (a run on a cluster).</summary>
    [Alias("save")]
    Task Save(int slot);

    /// <summary>Replaces the agent's state with what checkpoint slot 0 or 1 holds: the run goes back to that checkpoint.</summary>
    [Alias("restore")]
    Task Restore(int slot);
}

/// <summary>A chipmaker: its order book and the lots in its pipeline.</summary>
[Alias("scs.chipmaker")]
public interface IChipmakerGrain : IAgentGrain
{
    [Alias("init")]
    Task Initialise(Immutable<ChipmakerSpec> spec, string run);

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
    Task Initialise(Immutable<CountrySpec> spec, string run);

    [Alias("magnets")]
    Task UpdateMagnets(Immutable<Model.RareEarths.ImporterMonth> magnets);

    [Alias("decide")]
    Task<Immutable<IReadOnlyList<LicenceDecision>>> Decide(Immutable<MonthContext> month, Immutable<IReadOnlyList<Order>> orders);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<CountryView?> GetState();
}

/// <summary>
/// The record of one month: its report. A grain per month, since a month's record (every licence decision) grows with the
/// world: one grain for the whole run would hold more than a checkpoint can write in one call.
/// </summary>
[Alias("scs.month-record")]
public interface IMonthRecordGrain : IAgentGrain
{
    /// <summary>Records the month; recording it again keeps the later report (handlers are idempotent by month).</summary>
    [Alias("record")]
    Task Record(Immutable<MonthReport> report, string run);

    [Alias("report")]
    Task<Immutable<MonthReport>> Report();
}

/// <summary>
/// Grain keys: every grain of a run is keyed under the run's key, so runs never share agents. A data centre or
/// intermediary keeps its key whatever else the world holds (<see cref="Hosting"/>): a named one by its id, a linking
/// owner by its cluster key, a pool by its country (intermediaries: hub) and its number there.
/// </summary>
public static class GrainKeys
{
    public static string Chipmaker(string run, string id) => $"{run}/chipmaker/{id}";

    public static string Country(string run, string code) => $"{run}/country/{code}";

    public static string DataCentres(string run, DataCentreBlockPlan plan) => plan.Hosting switch
    {
        Hosting.Agent => $"{run}/datacentre/{plan.Name}",
        Hosting.Owner => $"{run}/owner/{plan.Name}",
        _ => $"{run}/datacentres/{plan.Name}",
    };

    public static string Intermediaries(string run, IntermediaryBlockPlan plan) => plan.Hosting switch
    {
        Hosting.Agent => $"{run}/intermediary/{plan.Name}",
        _ => $"{run}/intermediaries/{plan.Name}",
    };

    public static string EntityList(string run) => $"{run}/entity-list";

    public static string MagnetExporter(string run) => $"{run}/magnet-exporter";

    public static string MonthRecord(string run, YearMonth month) => $"{run}/month/{month}";

    public static string RunContext(string run) => $"{run}/context";
}
