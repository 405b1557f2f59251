using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>
/// The world's agents in grains: each phase call of the month stepper becomes one grain call carrying a whole batch
/// (every order bound for a country, every lot bound for a host), never one call per chip.
/// </summary>
public sealed class GrainWorldHosts : IWorldHosts
{
    /// <summary>The most agents whose state one checkpoint or release call writes: a part finishes well within the response timeout.</summary>
    public const int AgentsPerPart = 4096;

    private readonly IGrainFactory grains;
    private readonly string run;
    private readonly IDataCentreHostGrain[] dataCentres;
    private readonly IIntermediaryHostGrain[] intermediaries;
    private readonly World world;

    /// <param name="decisionsStreamed">The client writes each month's decisions as it steps it: the month records keep only their counts.</param>
    public GrainWorldHosts(IGrainFactory grains, string run, World world, bool decisionsStreamed = false)
    {
        DecisionsStreamed = decisionsStreamed;
        this.grains = grains;
        this.run = run;
        this.world = world;
        dataCentres = world.DataCentreBlocks.Select(b => DataCentres(grains, run, b)).ToArray();
        intermediaries = world.IntermediaryBlocks.Select(b => Intermediaries(grains, run, b)).ToArray();
        Parts = Chunk(CheckpointedGrains(world), AgentsPerPart);
    }

    public bool DecisionsStreamed { get; }

    /// <summary>Grain calls made by the stepper, for the benchmark's calls-per-agent-month figure.</summary>
    public long Calls { get; private set; }

    /// <summary>
    /// The run's checkpointed grains in parts of at most <see cref="AgentsPerPart"/> agents (a pool counts its agents), for
    /// checkpoints and release. The run's context is not among them (<see cref="RunContext"/>): it goes last.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ICheckpointedGrain>> Parts { get; }

    /// <summary>The grain that hosts a block of data centres: a site alone, an owner's linked sites, or a pool.</summary>
    public static IDataCentreHostGrain DataCentres(IGrainFactory grains, string run, DataCentreBlockPlan plan) => plan.Hosting switch
    {
        Hosting.Agent => grains.GetGrain<IDataCentreGrain>(GrainKeys.DataCentres(run, plan)),
        Hosting.Owner => grains.GetGrain<IOwnerGrain>(GrainKeys.DataCentres(run, plan)),
        _ => grains.GetGrain<IDataCentrePoolGrain>(GrainKeys.DataCentres(run, plan)),
    };

    /// <summary>The grain that hosts a block of intermediaries: one alone, or a pool.</summary>
    public static IIntermediaryHostGrain Intermediaries(IGrainFactory grains, string run, IntermediaryBlockPlan plan) => plan.Hosting switch
    {
        Hosting.Agent => grains.GetGrain<IIntermediaryGrain>(GrainKeys.Intermediaries(run, plan)),
        _ => grains.GetGrain<IIntermediaryPoolGrain>(GrainKeys.Intermediaries(run, plan)),
    };

    public async Task InitialiseAsync(World world)
    {
        // The shared context first, once for the run: every agent grain then takes it from its silo's cache.
        await Count(RunContext.Hold(world.Context.AsImmutable()));
        var calls = new List<Task>();
        calls.AddRange(world.Chipmakers.Select(m => Chipmaker(m.Id).Initialise(m.AsImmutable(), run)));
        calls.AddRange(world.Context.Countries.Countries.Select(c => Country(c.Code).Initialise(c.AsImmutable(), run)));
        calls.AddRange(world.DataCentreBlocks.Select(b => dataCentres[b.Index].Initialise(b.AsImmutable(), run)));
        calls.AddRange(world.IntermediaryBlocks.Select(b => intermediaries[b.Index].Initialise(b.AsImmutable(), run)));
        calls.Add(EntityList.Initialise(run));
        calls.Add(MagnetExporter.Initialise(run));
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
        return world.Chipmakers.Select(m => ((ICheckpointedGrain)Chipmaker(m.Id), Math.Max(1, buyers / world.Chipmakers.Count)))
            .Concat(world.Context.Countries.Countries.Select(c => ((ICheckpointedGrain)Country(c.Code), 1 + sitesIn.GetValueOrDefault(c.Code))))
            .Concat(world.DataCentreBlocks.Select(b => ((ICheckpointedGrain)dataCentres[b.Index], b.Sites.Count)))
            .Concat(world.IntermediaryBlocks.Select(b => ((ICheckpointedGrain)intermediaries[b.Index], b.Members.Count)))
            .Append((EntityList, 1))
            .Append((MagnetExporter, 1))
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

    public async Task<OrdersReply> PlaceDataCentreOrdersAsync(int block, MonthContext month) =>
        (await Count(dataCentres[block].PlaceOrders(month.AsImmutable()))).Value;

    public async Task<OrdersReply> PlaceIntermediaryOrdersAsync(int block, MonthContext month) =>
        (await Count(intermediaries[block].PlaceOrders(month.AsImmutable()))).Value;

    public async Task<RareEarthMonth> TradeMagnetsAsync(YearMonth month) => (await Count(MagnetExporter.Trade(month))).Value;

    public Task UpdateMagnetsAsync(string country, ImporterMonth magnets) =>
        Count(Country(country).UpdateMagnets(magnets.AsImmutable()));

    public async Task<IReadOnlyList<string>> EntityListedAsync(IReadOnlyList<string> consignees) =>
        (await Count(EntityList.ListedAmong(consignees.AsImmutable()))).Value;

    public async Task<IReadOnlyList<LicenceDecision>> DecideLicencesAsync(string country, MonthContext month, IReadOnlyList<Order> orders) =>
        (await Count(Country(country).Decide(month.AsImmutable(), orders.AsImmutable()))).Value;

    public async Task<ShipmentsReply> ShipAsync(string chipmaker, MonthContext month, IReadOnlyList<LicenceDecision> approved) =>
        (await Count(Chipmaker(chipmaker).Ship(month.AsImmutable(), approved.AsImmutable()))).Value;

    public async Task<DiversionReply> DivertAsync(int block, MonthContext month, Deliveries deliveries) =>
        (await Count(intermediaries[block].Divert(month.AsImmutable(), deliveries.AsImmutable()))).Value;

    public async Task<SitesReply> InstallAndLinkAsync(int block, MonthContext month, Deliveries deliveries) =>
        (await Count(dataCentres[block].InstallAndLink(month.AsImmutable(), deliveries.AsImmutable()))).Value;

    public async Task<IReadOnlyList<string>> EnforceAsync(YearMonth month, IReadOnlyList<Detection> detections, IReadOnlyList<string> suppliers) =>
        (await Count(EntityList.Enforce(month, detections.AsImmutable(), suppliers.AsImmutable()))).Value;

    public Task RecordAsync(MonthReport report) =>
        Count(MonthRecord(report.Month).Record((DecisionsStreamed ? report.WithDecisionsStreamed() : report).AsImmutable(), run));

    /// <summary>Every month's record, in order (the run is finished when they are asked for).</summary>
    public async Task<RunResults> ResultsAsync()
    {
        var months = await Task.WhenAll(Months().Select(month => MonthRecord(month).Report()));
        return new RunResults(RunRecorder.For(world).Info, [.. months.Select(m => m.Value)]);
    }

    private IEnumerable<YearMonth> Months() => Enumerable.Range(0, world.Context.Months).Select(world.Context.Start.AddMonths);

    private Task<T> Count<T>(Task<T> call)
    {
        Calls++; // the stepper calls from one grain turn at a time, so no interlocking is needed
        return call;
    }

    private Task Count(Task call)
    {
        Calls++;
        return call;
    }

    private IChipmakerGrain Chipmaker(string id) => grains.GetGrain<IChipmakerGrain>(GrainKeys.Chipmaker(run, id));

    private ICountryGrain Country(string code) => grains.GetGrain<ICountryGrain>(GrainKeys.Country(run, code));

    private IEntityListGrain EntityList => grains.GetGrain<IEntityListGrain>(GrainKeys.EntityList(run));

    private IMagnetExporterGrain MagnetExporter => grains.GetGrain<IMagnetExporterGrain>(GrainKeys.MagnetExporter(run));

    private IMonthRecordGrain MonthRecord(YearMonth month) => grains.GetGrain<IMonthRecordGrain>(GrainKeys.MonthRecord(run, month));

    /// <summary>The run's shared context: released after every agent, since an agent reactivated to be released reads it.</summary>
    public IRunContextGrain RunContext => grains.GetGrain<IRunContextGrain>(GrainKeys.RunContext(run));
}
