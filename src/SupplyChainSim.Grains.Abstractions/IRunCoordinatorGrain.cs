using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// Runs one simulation: places the world's agents in grains and steps it month by month. The calls that do a run's work
/// (a month of a large world, its start, a checkpoint part, its results) may take minutes on a loaded machine and have
/// a long response timeout each (<see cref="LongCall"/>); every other call of the project has Orleans' default (30 s).
/// A call that waits on a lost silo does not wait that long: the client abandons it (ClusterWatch).
/// </summary>
[Alias("scs.run")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>The response timeout of the calls that do a run's work: a bound on a call that never ends, not a pace.</summary>
    public const string LongCall = "00:05:00";

    /// <param name="decisionsStreamed">
    /// The caller writes each month's licence decisions as <see cref="StepMonth"/> returns them (to licences.csv): the
    /// run keeps only their counts, so a large world's millions of decisions are not held until the end.
    /// </param>
    [Alias("start"), ResponseTimeout(LongCall)]
    Task Start(Immutable<World> world, bool decisionsStreamed = false);

    /// <summary>
    /// Starts a durable run (on a cluster): checkpointed after every month (<see cref="Commit"/>) and taken back to the last
    /// checkpoint after any failure. Returns false, changing nothing, when the key already holds a run.
    /// </summary>
    /// <param name="ticket">What a client needs to finish the run if the one that started it is lost (opaque to the grain).</param>
    [Alias("begin"), ResponseTimeout(LongCall)]
    Task<bool> Begin(Immutable<World> world, string ticket);

    /// <summary>The ticket of the durable run under this key, or null when there is none.</summary>
    [Alias("ticket")]
    Task<string?> Ticket();

    /// <summary>
    /// A new client takes over a durable run: its next call takes it back to the last checkpoint. Returns the run's months;
    /// throws <see cref="RunNotInProgressException"/> when the key holds no durable run.
    /// </summary>
    [Alias("resume")]
    Task<int> Resume();

    /// <summary>
    /// Writes one part of a durable run's checkpoint after the month just stepped, part 0 first, and then the stepper's
    /// state and the month it reached; returns whether another part follows.
    /// </summary>
    [Alias("commit-part"), ResponseTimeout(LongCall)]
    Task<bool> Commit(int part);

    /// <summary>Steps one month through every phase and returns what was recorded (with the month's decisions, streamed or not).</summary>
    [Alias("step"), ResponseTimeout(LongCall)]
    Task<Immutable<MonthReport>> StepMonth();

    [Alias("finished"), ResponseTimeout(LongCall)]
    Task<bool> IsFinished();

    /// <summary>The whole run's record, read back from its month records (for a client that did not step every month itself).</summary>
    [Alias("results"), ResponseTimeout(LongCall)]
    Task<Immutable<RunResults>> GetResults();

    /// <summary>Where each breached cluster stood at its last assessment (<see cref="RunResults.EndStandings"/>), once the run is finished.</summary>
    [Alias("end-standings")]
    Task<Immutable<IReadOnlyList<BreachStanding>>> GetEndStandings();

    /// <summary>
    /// Writes one part of the run's agent grains to grain storage, part 0 first, and the coordinator's own state with the
    /// last; returns whether another part follows. A part is small enough to finish well within the response timeout,
    /// however large the world.
    /// </summary>
    [Alias("checkpoint-part"), ResponseTimeout(LongCall)]
    Task<bool> Checkpoint(int part);

    /// <summary>
    /// Clears the stored state of one part of the run's agent grains and lets them deactivate, part 0 first; with the last
    /// part, the run's shared context and the coordinator itself. Returns whether another part follows.
    /// </summary>
    [Alias("release-part"), ResponseTimeout(LongCall)]
    Task<bool> Release(int part);

    /// <summary>
    /// Ends a finished run that is not durable, keeping its grains active for the next run under this key: that run's
    /// <see cref="Start"/> initialises afresh every grain it uses, so that replications run one after another on one set
    /// of activations. <see cref="Release"/> still releases the last run's grains. Only for runs whose grains are all on
    /// one silo (the embedded silo, or a key placed on one): each silo caches a run's shared context by its key, and the
    /// next run refreshes only the cache of the silo it starts on.
    /// </summary>
    [Alias("recycle")]
    Task Recycle();

    /// <summary>Grain calls the stepper has made in this activation (for the benchmark).</summary>
    [Alias("calls")]
    Task<long> GetGrainCalls();
}
