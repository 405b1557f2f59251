using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>
/// The world's agents in grains: each phase call of the month stepper becomes one grain call carrying a whole batch
/// (every order bound for a country, every lot bound for a block), never one call per chip or per agent.
/// </summary>
public sealed class GrainWorldHosts(IGrainFactory grains, string run) : IWorldHosts
{
    /// <summary>Grain calls made by the stepper, for the benchmark's calls-per-agent-month figure.</summary>
    public long Calls { get; private set; }

    public async Task InitialiseAsync(World world)
    {
        var context = world.Context.AsImmutable();
        var calls = new List<Task>();
        calls.AddRange(world.Chipmakers.Select(m => Chipmaker(m.Id).Initialise(m.AsImmutable())));
        calls.AddRange(world.Context.Countries.Countries.Select(c => Country(c.Code).Initialise(c.AsImmutable(), context)));
        calls.AddRange(world.DataCentreBlocks.Select(b => DataCentres(b.Index).Initialise(b.AsImmutable(), context)));
        calls.AddRange(world.IntermediaryBlocks.Select(b => Intermediaries(b.Index).Initialise(b.AsImmutable(), context)));
        calls.Add(Recorder.Initialise(RunRecorder.For(world).Info.AsImmutable()));
        Calls += calls.Count;
        await Task.WhenAll(calls);
    }

    /// <summary>Asks every agent grain of the world to write its state to storage.</summary>
    public Task CheckpointAsync(World world) => Task.WhenAll(AgentGrains(world).Select(g => g.Checkpoint()));

    /// <summary>Asks every agent grain of the world to forget its state and deactivate.</summary>
    public Task ReleaseAsync(World world) => Task.WhenAll(AgentGrains(world).Select(g => g.Release()));

    private IEnumerable<IAgentGrain> AgentGrains(World world) =>
        world.Chipmakers.Select(m => (IAgentGrain)Chipmaker(m.Id))
            .Concat(world.Context.Countries.Countries.Select(c => Country(c.Code)))
            .Concat(world.DataCentreBlocks.Select(b => DataCentres(b.Index)))
            .Concat(world.IntermediaryBlocks.Select(b => Intermediaries(b.Index)))
            .Append(Recorder);

    public async Task<OrdersReply> PlaceDataCentreOrdersAsync(int block, MonthContext month) =>
        (await Count(DataCentres(block).PlaceOrders(month.AsImmutable()))).Value;

    public async Task<OrdersReply> PlaceIntermediaryOrdersAsync(int block, MonthContext month) =>
        (await Count(Intermediaries(block).PlaceOrders(month.AsImmutable()))).Value;

    public Task UpdateMagnetsAsync(string country, Model.RareEarths.ImporterMonth magnets) =>
        Count(Country(country).UpdateMagnets(magnets.AsImmutable()));

    public async Task<IReadOnlyList<LicenceDecision>> DecideLicencesAsync(string country, MonthContext month, IReadOnlyList<Order> orders) =>
        (await Count(Country(country).Decide(month.AsImmutable(), orders.AsImmutable()))).Value;

    public async Task<ShipmentsReply> ShipAsync(string chipmaker, MonthContext month, IReadOnlyList<LicenceDecision> approved) =>
        (await Count(Chipmaker(chipmaker).Ship(month.AsImmutable(), approved.AsImmutable()))).Value;

    public async Task<DiversionReply> DivertAsync(int block, MonthContext month, Deliveries deliveries) =>
        (await Count(Intermediaries(block).Divert(month.AsImmutable(), deliveries.AsImmutable()))).Value;

    public async Task<SitesReply> InstallAndLinkAsync(int block, MonthContext month, Deliveries deliveries) =>
        (await Count(DataCentres(block).InstallAndLink(month.AsImmutable(), deliveries.AsImmutable()))).Value;

    public Task RecordAsync(MonthReport report) => Count(Recorder.Record(report.AsImmutable()));

    public async Task<RunResults> ResultsAsync() => (await Recorder.GetResults()).Value;

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

    private IDataCentreBlockGrain DataCentres(int block) => grains.GetGrain<IDataCentreBlockGrain>(GrainKeys.DataCentreBlock(run, block));

    private IIntermediaryBlockGrain Intermediaries(int block) => grains.GetGrain<IIntermediaryBlockGrain>(GrainKeys.IntermediaryBlock(run, block));

    private IRecorderGrain Recorder => grains.GetGrain<IRecorderGrain>(GrainKeys.Recorder(run));
}
