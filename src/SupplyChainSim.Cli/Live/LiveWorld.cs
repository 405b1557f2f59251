using System.Runtime.CompilerServices;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.Reports;
using SupplyChainSim.Runs;
using static SupplyChainSim.Model.Units.H100eDisplay;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// Folds month reports into <see cref="LiveState"/> snapshots as the run records them, and hands each new snapshot to
/// whoever is watching. Months arrive from the run's loop, readers from web requests: a lock keeps them apart.
/// </summary>
public sealed class LiveWorld
{
    private readonly Lock gate = new();
    private readonly World world;
    private readonly RunGrains grains;
    private readonly SortedDictionary<string, Totals> countries = new(StringComparer.Ordinal);
    private readonly List<LiveMonth> history = [];
    private readonly List<LiveBreach> breaches = [];
    // Every channel so far, summed: what the flow picture is drawn from.
    private readonly SortedDictionary<string, ChannelFlow> channels = new(StringComparer.Ordinal);
    private Totals soFar = new();
    private LiveState state;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveWorld(World world, string runKey)
        : this(world, new RunGrains(world, runKey))
    {
    }

    /// <param name="grains">The run's grains, which the page links sites, brokers and breaches to.</param>
    public LiveWorld(World world, RunGrains grains)
    {
        this.world = world;
        this.grains = grains;
        var context = world.Context;
        var run = new LiveRunInfo(world.ScenarioName, world.Description, context.Seed, context.Start.ToString(), context.End.ToString(), context.Months,
            world.AgentCount, context.Regime.Rules.Select(ConsoleReport.Describe).ToList(), grains.RunKey);
        var none = new LiveFlows(0, 0, 0, 0, 0);
        state = new LiveState(0, LiveStatus.Starting, run, null, 0, none, none, 0, null, [], [], [], [], null, false)
        {
            Kinds = BreachKind.All.Select(kind => new LiveKind(kind, 0, 0, null)).ToList(),
        };
    }

    public LiveState Current
    {
        get
        {
            lock (gate) return state;
        }
    }

    public void Record(MonthReport month)
    {
        lock (gate)
        {
            foreach (var row in month.Countries)
            {
                if (!countries.TryGetValue(row.Country, out var totals)) countries[row.Country] = totals = new Totals();
                totals.Add(row.Licensed.Compute, row.Exempt.Compute, row.Smuggled.Compute, row.Denied.Compute, row.Seized.Compute);
                totals.Installed = row.Installed;
                totals.LargestCluster = row.LargestCluster;
                totals.Unauthorised = row.Unauthorised;
                totals.Breaches += row.NewBreaches;
            }
            var seized = Tpp.Sum(month.Detections, d => d.Compute);
            soFar.Add(month.Licensed.Compute, month.Exempt.Compute, month.Smuggled.Compute, month.Denied.Compute, seized);
            breaches.AddRange(month.Breaches.Select(Breach));
            foreach (var channel in month.Channels)
                channels[channel.Key] = channels.TryGetValue(channel.Key, out var sum) ? sum with { Flow = sum.Flow + channel.Flow } : channel;
            var magnets = month.RareEarths.Importers
                .Select(i => new LiveMagnets(i.Country, Round(i.SupplyIndex, 3), Round(i.Shortage, 3), Round(i.StockMonths, 2))).ToList();
            history.Add(new LiveMonth(month.Month.ToString(), H100eRounded(month.Licensed.Compute), H100eRounded(month.Exempt.Compute), H100eRounded(month.Smuggled.Compute),
                magnets.Select(m => m.Shortage).DefaultIfEmpty(0).Max(), month.BreachesSoFar));
            Publish(state with
            {
                Status = LiveStatus.Running,
                Month = month.Month.ToString(),
                MonthsDone = history.Count,
                ThisMonth = new LiveFlows(H100eRounded(month.Licensed.Compute), H100eRounded(month.Exempt.Compute), H100eRounded(month.Smuggled.Compute),
                    H100eRounded(month.Denied.Compute), H100eRounded(seized)),
                SoFar = soFar.Flows(),
                LargestClusterH100e = H100eRounded(month.LargestCluster),
                // The model names a site even when every cluster is empty; "0.0 at <site>" would read as a finding.
                LargestClusterSite = month.LargestCluster > Tpp.Zero ? month.LargestClusterSite : null,
                Countries = Countries(),
                Magnets = magnets,
                History = [.. history],
                Breaches = [.. breaches],
                Kinds = Kinds(month),
                Channels = Rounded(FlowPicture.Of(channels.Values)),
            });
        }
    }

    /// <summary>The run is over: its files are in <paramref name="results"/>.</summary>
    public void Finish(string results)
    {
        var shown = ShownPath(results, Environment.CurrentDirectory);
        lock (gate) Publish(state with { Status = LiveStatus.Finished, Results = shown });
    }

    /// <summary>Whether the run is held between months (<see cref="LivePacing"/>).</summary>
    public void SetPaused(bool paused)
    {
        lock (gate)
        {
            if (state.Paused != paused) Publish(state with { Paused = paused });
        }
    }

    /// <summary>
    /// A folder as the page may show it: relative to <paramref name="workingDirectory"/>, or only its name when it
    /// lies outside, so that the page does not tell whoever can reach it where this machine keeps its files.
    /// </summary>
    public static string ShownPath(string path, string workingDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory));
        var relative = Path.GetRelativePath(workingDirectory, full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return !outside ? relative : Path.GetFileName(full) is { Length: > 0 } name ? name : full;
    }

    public void Fail()
    {
        lock (gate) Publish(state with { Status = LiveStatus.Failed });
    }

    /// <summary>The current snapshot, then each new one as it is published, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<LiveState> Updates([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            LiveState current;
            Task next;
            lock (gate)
            {
                current = state;
                next = changed.Task;
            }
            if (current.Version != seen)
            {
                seen = current.Version;
                yield return current;
            }
            try
            {
                await next.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private void Publish(LiveState next)
    {
        state = next with { Version = state.Version + 1 };
        var signal = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.SetResult();
    }

    /// <summary>Countries with anything installed or any flow, the largest installations first.</summary>
    private List<LiveCountry> Countries() => countries
        .Where(c => c.Value.Installed > Tpp.Zero || c.Value.Any)
        .Select(c =>
        {
            var spec = world.Context.Countries[c.Key];
            var t = c.Value;
            return new LiveCountry(c.Key, spec.Name, spec.Tier, H100eRounded(t.Installed), H100eRounded(t.Licensed), H100eRounded(t.Exempt), H100eRounded(t.Smuggled),
                H100eRounded(t.Denied), H100eRounded(t.LargestCluster), t.Breaches, H100eRounded(t.Unauthorised));
        })
        .OrderByDescending(c => c.InstalledH100e).ThenBy(c => c.Code, StringComparer.Ordinal)
        .ToList();

    private LiveBreach Breach(ClusterBreach breach)
    {
        var (route, via, _) = breach.MainContribution;
        return new LiveBreach(breach.Month.ToString(), breach.Kind, breach.Site, breach.Owner, breach.Country, H100eRounded(breach.Cluster),
            H100eRounded(breach.Permitted), H100eRounded(breach.Excess), breach.LimitBasis, breach.Sites, ResultFiles.RouteName(route) + (via is null ? "" : $" via {via}"), breach.DetectedByThen,
            breach.Acquisitions.Select(a => new LiveAcquisition(a.Month.ToString(), a.Seller, a.Via, a.ChipModel, a.Chips, H100eRounded(a.Compute),
                ResultFiles.RouteName(a.Route), a.Basis) { ViaGrain = a.Via is null ? null : grains.Intermediary(a.Via) }).ToList())
        {
            Grain = grains.DataCentre(breach.Site),
            MainVia = via,
            MainViaGrain = via is null ? null : grains.Intermediary(via),
        };
    }

    /// <summary>Each kind's breaches so far and the largest excess at the end of <paramref name="month"/>.</summary>
    private List<LiveKind> Kinds(MonthReport month) => BreachKind.All.Select(kind =>
    {
        var peak = month.Peaks.FirstOrDefault(p => p.Kind == kind);
        return new LiveKind(kind, breaches.Count(b => b.Kind == kind), peak is null ? 0 : H100eRounded(peak.Excess), peak?.ClusterKey);
    }).ToList();

    /// <summary>The flow picture with its figures to 0.1 H100e, as the page shows them.</summary>
    private static FlowGraph Rounded(FlowGraph graph) => new(
        graph.Nodes.Select(n => n with { H100e = Round(n.H100e, 1) }).ToList(),
        graph.Links.Select(l => l with { H100e = Round(l.H100e, 1) }).ToList());

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    private sealed class Totals
    {
        public Tpp Licensed, Exempt, Smuggled, Denied, Seized, Installed, LargestCluster, Unauthorised;
        public int Breaches;

        public bool Any => Licensed > Tpp.Zero || Exempt > Tpp.Zero || Smuggled > Tpp.Zero || Denied > Tpp.Zero;

        public void Add(Tpp licensed, Tpp exempt, Tpp smuggled, Tpp denied, Tpp seized)
        {
            Licensed += licensed;
            Exempt += exempt;
            Smuggled += smuggled;
            Denied += denied;
            Seized += seized;
        }

        public LiveFlows Flows() => new(H100eRounded(Licensed), H100eRounded(Exempt), H100eRounded(Smuggled), H100eRounded(Denied), H100eRounded(Seized));
    }
}
