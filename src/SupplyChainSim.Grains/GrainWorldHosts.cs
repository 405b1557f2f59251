using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>
/// The world's agents in grains: each kind's agents in grains of their kind (<see cref="GrainAgents{TAgent}"/>), each
/// phase call of the month stepper one grain call carrying a whole batch, never one call per chip.
/// </summary>
public sealed class GrainWorldHosts : IWorldHosts
{
    /// <summary>The most agents whose state one checkpoint or release call writes: a part finishes well within the response timeout.</summary>
    public const int AgentsPerPart = 4096;

    private readonly IGrainFactory grains;
    private readonly string run;
    private readonly World world;
    private readonly List<IHostedKind> kinds = [];

    /// <param name="decisionsStreamed">The client writes each month's decisions as it steps it: the month records keep only their counts.</param>
    public GrainWorldHosts(IGrainFactory grains, string run, World world, bool decisionsStreamed = false)
    {
        DecisionsStreamed = decisionsStreamed;
        this.grains = grains;
        this.run = run;
        this.world = world;
        Agents = new WorldAgents(world, this);
        Parts = Chunk(CheckpointedGrains(world), AgentsPerPart);
    }

    public bool DecisionsStreamed { get; }

    public WorldAgents Agents { get; }

    /// <summary>Grain calls made by the stepper, for the benchmark's calls-per-agent-month figure.</summary>
    public long Calls { get; private set; }

    /// <summary>
    /// The run's checkpointed grains in parts of at most <see cref="AgentsPerPart"/> agents (a pool counts its agents), for
    /// checkpoints and release. The run's context is not among them (<see cref="RunContext"/>): it goes last.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ICheckpointedGrain>> Parts { get; }

    public IAgents<TAgent> Host<TAgent>(IReadOnlyList<IAgentPlan<TAgent>> plans)
        where TAgent : class
    {
        var kind = new GrainAgents<TAgent>(plans, plans.Select((plan, index) => Grain(plan, index)).ToList(), this);
        kinds.Add(kind);
        return kind;
    }

    /// <summary>
    /// The grain that hosts the agent <paramref name="plan"/> makes. A block goes where the world placed it: a data centre
    /// or intermediary alone, an owner's linked sites, or a pool; every other kind has one grain class, which Orleans
    /// finds from the agent's type.
    /// </summary>
    private IAgentGrain<TAgent> Grain<TAgent>(IAgentPlan<TAgent> plan, int index)
        where TAgent : class
    {
        var key = GrainKeys.Agent(run, plan, index);
        return plan switch
        {
            DataCentreBlockPlan { Hosting: Hosting.Agent } => (IAgentGrain<TAgent>)grains.GetGrain<IDataCentreGrain>(key),
            DataCentreBlockPlan { Hosting: Hosting.Owner } => (IAgentGrain<TAgent>)grains.GetGrain<IOwnerGrain>(key),
            DataCentreBlockPlan => (IAgentGrain<TAgent>)grains.GetGrain<IDataCentrePoolGrain>(key),
            IntermediaryBlockPlan { Hosting: Hosting.Agent } => (IAgentGrain<TAgent>)grains.GetGrain<IIntermediaryGrain>(key),
            IntermediaryBlockPlan => (IAgentGrain<TAgent>)grains.GetGrain<IIntermediaryPoolGrain>(key),
            _ => grains.GetGrain<IAgentGrain<TAgent>>(key),
        };
    }

    public async Task InitialiseAsync(World world)
    {
        // The shared context first, once for the run: every agent grain then takes it from its silo's cache.
        await Count(RunContext.Hold(world.Context.AsImmutable()));
        var calls = kinds.SelectMany(kind => kind.Initialise(run)).ToList();
        Calls += calls.Count;
        await Task.WhenAll(calls);
    }

    /// <summary>
    /// Every agent's grain and a record for each month, each weighed by what its state grows with: a host by
    /// its agents; a chipmaker by its share of the world's buyers (its order book); a country by the data centres in it
    /// (its ledger's consignees); a month's record, which holds a licence decision for every order, by an eighth of the
    /// world. In a large world a chipmaker or a month is then written in a part of its own.
    /// </summary>
    private IEnumerable<(ICheckpointedGrain Grain, int Agents)> CheckpointedGrains(World world)
    {
        var buyers = world.DataCentreCount + world.IntermediaryCount;
        var sitesIn = world.DataCentreBlocks.GroupBy(b => b.Country, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(b => b.Sites.Count), StringComparer.Ordinal);
        int Weight(object plan) => plan switch
        {
            ChipmakerSpec => Math.Max(1, buyers / world.Chipmakers.Count),
            CountrySpec country => 1 + sitesIn.GetValueOrDefault(country.Code),
            DataCentreBlockPlan block => block.Sites.Count,
            IntermediaryBlockPlan block => block.Members.Count,
            _ => 1,
        };
        return kinds.SelectMany(kind => kind.Members).Select(member => (member.Grain, Weight(member.Plan)))
            .Concat(Months().Select(month => ((ICheckpointedGrain)MonthRecord(month), Math.Max(1, world.AgentCount / 8))));
    }

    private static List<IReadOnlyList<ICheckpointedGrain>> Chunk(IEnumerable<(ICheckpointedGrain Grain, int Agents)> all, int agentsPerPart)
    {
        var parts = new List<IReadOnlyList<ICheckpointedGrain>>();
        var part = new List<ICheckpointedGrain>();
        var agents = 0;
        foreach (var (grain, count) in all)
        {
            if (part.Count > 0 && agents + count > agentsPerPart)
            {
                parts.Add(part);
                part = [];
                agents = 0;
            }
            part.Add(grain);
            agents += count;
        }
        if (part.Count > 0) parts.Add(part);
        return parts;
    }

    public Task Record(MonthReport report) =>
        Count(MonthRecord(report.Month).Record((DecisionsStreamed ? report.WithDecisionsStreamed() : report).AsImmutable(), run));

    /// <summary>Every month's record, in order (the run is finished when they are asked for).</summary>
    public async Task<RunResults> ResultsAsync()
    {
        var months = await Task.WhenAll(Months().Select(month => MonthRecord(month).Report()));
        return new RunResults(RunRecorder.For(world).Info, [.. months.Select(m => m.Value)]);
    }

    private IEnumerable<YearMonth> Months() => Enumerable.Range(0, world.Context.Months).Select(world.Context.Start.AddMonths);

    /// <summary>Counts a grain call: the stepper calls from one grain turn at a time, so no interlocking is needed.</summary>
    internal void Counted() => Calls++;

    private Task Count(Task call)
    {
        Counted();
        return call;
    }

    private IMonthRecordGrain MonthRecord(YearMonth month) => grains.GetGrain<IMonthRecordGrain>(GrainKeys.MonthRecord(run, month));

    /// <summary>The run's shared context: released after every agent, since an agent reactivated to be released reads it.</summary>
    public IRunContextGrain RunContext => grains.GetGrain<IRunContextGrain>(GrainKeys.RunContext(run));
}
