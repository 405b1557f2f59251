using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// Agents as plain objects in this process, called directly: the reference the grain-hosted run must match exactly,
/// and the floor it is timed against. <see cref="Parallel"/> runs each phase's calls on the thread pool at once, as a
/// silo runs its grains on every core; the stepper puts the replies in a fixed order, so the results are the same.
/// </summary>
public sealed class InMemoryWorldHosts : IWorldHosts
{
    /// <summary>Each call to a block, country or chipmaker on a thread-pool thread of its own, so a phase's calls run in parallel.</summary>
    public bool Parallel { get; init; }

    /// <summary>Where the run's decisions go as each month is recorded; the recorded months keep only their counts.</summary>
    public ILicenceDecisionSink? Licences { get; init; }

    private SimulationContext context = null!;
    private Dictionary<string, Chipmaker> chipmakers = [];
    private Dictionary<string, CountryAgent> countries = [];
    private List<DataCentreBlock> dataCentres = [];
    private List<IntermediaryBlock> intermediaries = [];
    private EntityList entityList = new();
    private RareEarths.RareEarthMarket magnets = null!;
    private RunRecorder recorder = null!;

    public Task InitialiseAsync(Worlds.World world)
    {
        context = world.Context;
        chipmakers = world.Chipmakers.ToDictionary(m => m.Id, m => new Chipmaker { Spec = m }, StringComparer.Ordinal);
        countries = context.Countries.Countries.ToDictionary(c => c.Code, c => new CountryAgent { Spec = c }, StringComparer.Ordinal);
        dataCentres = world.DataCentreBlocks.Select(b => b.Create(context)).ToList();
        intermediaries = world.IntermediaryBlocks.Select(b => b.Create(context)).ToList();
        entityList = new EntityList();
        magnets = RareEarths.RareEarthMarket.Create(context.RareEarths);
        recorder = RunRecorder.For(world);
        return Task.CompletedTask;
    }

    public Task<OrdersReply> PlaceDataCentreOrdersAsync(int block, MonthContext month) =>
        Call(() => dataCentres[block].PlaceOrders(month, context));

    public Task<OrdersReply> PlaceIntermediaryOrdersAsync(int block, MonthContext month) =>
        Call(() => intermediaries[block].PlaceOrders(month.Month, context));

    public Task<RareEarths.RareEarthMonth> TradeMagnetsAsync(YearMonth month) => Task.FromResult(magnets.Step(context.RareEarths, month));

    public Task UpdateMagnetsAsync(string country, RareEarths.ImporterMonth magnets)
    {
        countries[country].Magnets = magnets;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> EntityListedAsync(IReadOnlyList<string> consignees) => Task.FromResult(entityList.ListedAmong(consignees));

    public Task<IReadOnlyList<LicenceDecision>> DecideLicencesAsync(string country, MonthContext month, IReadOnlyList<Order> orders) =>
        Call<IReadOnlyList<LicenceDecision>>(() => countries[country].Decide(month, context, orders));

    public Task<ShipmentsReply> ShipAsync(string chipmaker, MonthContext month, IReadOnlyList<LicenceDecision> approved) => Call(() =>
    {
        var maker = chipmakers[chipmaker];
        var lots = maker.TakeOrdersAndShip(month.Month, approved, month.ProductionFactor.GetValueOrDefault(maker.Spec.Country, 1));
        return new ShipmentsReply(lots, maker.Busy);
    });

    public Task<DiversionReply> DivertAsync(int block, MonthContext month, Deliveries deliveries) =>
        Call(() => intermediaries[block].ReceiveAndForward(month.Month, context, deliveries));

    public Task<SitesReply> InstallAndLinkAsync(int block, MonthContext month, Deliveries deliveries) =>
        Call(() => dataCentres[block].InstallAndLink(month.Month, context, deliveries, month.RegimeChanged));

    public Task<IReadOnlyList<string>> EnforceAsync(YearMonth month, IReadOnlyList<Detection> detections, IReadOnlyList<string> suppliers)
    {
        entityList.Enforce(detections);
        return Task.FromResult(entityList.CaughtBy(month, suppliers));
    }

    public Task RecordAsync(MonthReport report)
    {
        if (Licences is { } log)
        {
            log.Append(report);
            report = report.WithDecisionsStreamed();
        }
        recorder.Record(report);
        return Task.CompletedTask;
    }

    public Task<RunResults> ResultsAsync() => Task.FromResult(recorder.Results());

    /// <summary>One agent's work: run here, or with <see cref="Parallel"/> on the thread pool, beside the phase's other calls.</summary>
    private Task<T> Call<T>(Func<T> work) => Parallel ? Task.Run(work) : Task.FromResult(work());

    /// <summary>Runs a whole world in this process, month by month.</summary>
    /// <param name="licences">Stream the decisions here as each month is recorded, instead of holding them in the results.</param>
    /// <param name="parallel">Run each phase's calls in parallel (<see cref="Parallel"/>).</param>
    public static async Task<RunResults> RunAsync(Worlds.World world, Action<MonthReport>? onMonth = null, ILicenceDecisionSink? licences = null, bool parallel = false)
    {
        var hosts = new InMemoryWorldHosts { Licences = licences, Parallel = parallel };
        await hosts.InitialiseAsync(world);
        var stepper = new MonthStepper(world, hosts);
        while (!stepper.Finished)
        {
            var report = await stepper.StepAsync();
            onMonth?.Invoke(report);
        }
        return await stepper.ResultsAsync();
    }
}
