using System.Globalization;
using System.Reflection;
using MathNet.Numerics.Distributions;
using SupplyChainSim.Model.Randomness;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Worlds;

/// <summary>Expands a scenario into a world: generates agents from counts and distributions, and places them in blocks.</summary>
public static class WorldBuilder
{
    /// <summary>Generated data centres (of one country) or intermediaries (of one hub) that share one pool.</summary>
    public const int DefaultPoolSize = 1024;

    /// <param name="poolSize">The most generated agents a pool holds.</param>
    /// <param name="placement">Whether generated agents are pooled or each placed alone (a hosting choice: results do not depend on it).</param>
    public static World Build(ResolvedScenario scenario, int poolSize = DefaultPoolSize, Placement placement = Placement.Pooled)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        var spec = scenario.Spec;
        var context = SimulationContext.From(scenario);
        // Generation draws from the world seed, so a scenario file always describes the same world.
        var streams = new RandomStreams(spec.WorldSeed ?? spec.Seed);

        var draws = new DrawCheck();
        var sites = spec.DataCentres.Sites.Concat(spec.DataCentres.Generate.SelectMany((g, i) => Generate(g, $"$.dataCentres.generate[{i}]", streams, draws))).ToList();
        var duplicate = sites.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw Invalid(scenario, "$.dataCentres", $"two data centres are both called \"{duplicate.Key}\"; give generators distinct idPrefix values");

        var siteIds = sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var brokers = new List<IntermediarySpec>();
        for (var i = 0; i < spec.Intermediaries.List.Count; i++)
        {
            var listed = spec.Intermediaries.List[i];
            if (!siteIds.Contains(listed.Buyer))
                throw Invalid(scenario, $"$.intermediaries.list[{i}].buyer", $"unknown data centre \"{listed.Buyer}\"; expected the id of a data centre in the world");
            brokers.Add(listed);
        }
        for (var i = 0; i < spec.Intermediaries.Generate.Count; i++)
        {
            var generator = spec.Intermediaries.Generate[i];
            var buyerCountries = generator.BuyerCountries.ToHashSet(StringComparer.Ordinal);
            var buyers = sites.Where(s => buyerCountries.Contains(s.Country) && (generator.BuyerIdPrefix is not { } prefix || s.Id.StartsWith(prefix, StringComparison.Ordinal)))
                .Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
            if (buyers.Count == 0 && generator.Count > 0)
                throw Invalid(scenario, $"$.intermediaries.generate[{i}].{(generator.BuyerIdPrefix is null ? "buyerCountries" : "buyerIdPrefix")}",
                    generator.BuyerIdPrefix is null ? "no data centre in these countries to divert to" : "no data centre with this id prefix in the buyer countries to divert to");
            brokers.AddRange(Generate(generator, $"$.intermediaries.generate[{i}]", buyers, streams, draws));
        }
        if (draws.Problems(scenario.SourceFile) is { Count: > 0 } outside) throw new ScenarioException(outside);
        var duplicateBroker = brokers.GroupBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateBroker is not null)
            throw Invalid(scenario, "$.intermediaries", $"two intermediaries are both called \"{duplicateBroker.Key}\"");
        sites = WithNoClusteringCompliance(sites, brokers, scenario);

        var dataCentreBlocks = PlaceDataCentres(sites, spec.DataCentres.Sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal), poolSize, placement);
        var addressOf = new Dictionary<string, (AgentAddress Address, string Country)>(StringComparer.Ordinal);
        foreach (var block in dataCentreBlocks)
            foreach (var site in block.Sites) addressOf[site.Id] = (new AgentAddress(AgentKind.DataCentre, block.Index), site.Country);

        var listedBrokers = spec.Intermediaries.List.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var intermediaryBlocks = new List<IntermediaryBlockPlan>();
        var placed = brokers.OrderBy(b => b.Id, StringComparer.Ordinal)
            .Select(b => new IntermediaryPlacement(b, addressOf[b.Buyer].Address, addressOf[b.Buyer].Country)).ToList();
        foreach (var alone in placed.Where(p => placement == Placement.OnePerAgent || listedBrokers.Contains(p.Spec.Id)))
            intermediaryBlocks.Add(new IntermediaryBlockPlan(intermediaryBlocks.Count, Hosting.Agent, alone.Spec.Id, [alone]));
        foreach (var hub in placed.Where(p => placement == Placement.Pooled && !listedBrokers.Contains(p.Spec.Id))
                     .GroupBy(p => p.Spec.Hub, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            foreach (var (chunk, n) in hub.Chunk(poolSize).Select((chunk, n) => (chunk, n)))
                intermediaryBlocks.Add(new IntermediaryBlockPlan(intermediaryBlocks.Count, Hosting.Pool, $"{hub.Key}/{n}", chunk));

        var chipmakers = spec.Chipmakers.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        return new World(spec.Name, spec.Description, context, chipmakers, dataCentreBlocks, intermediaryBlocks)
        {
            GreyMarket = spec.GreyMarket is { } market
                ? new Market.GreyMarketPlan(market, intermediaryBlocks
                    .SelectMany(b => b.Members.Where(m => m.Spec.Potential && market.Countries.Contains(m.BuyerCountry)).Select(m => new Market.PotentialNetwork(m.Spec, b.Index)))
                    .OrderBy(p => p.Spec.Id, StringComparer.Ordinal).ToList())
                : null,
            Draws = scenario.Uncertain.Zip(scenario.Draws, (input, value) => new InputDraw(input.Path, value)).ToList(),
            CalibrationTargets = scenario.CalibrationTargets,
        };
    }

    /// <summary>
    /// Whether each owner runs the no-clustering software a regime may require, where the scenario does not say: a US
    /// licence condition binds owners who buy lawfully, not owners at restricted destinations (D:5 and Macau, or
    /// headquartered there) nor owners supplied through smuggling intermediaries.
    /// </summary>
    private static List<DataCentreSpec> WithNoClusteringCompliance(List<DataCentreSpec> sites, List<IntermediarySpec> brokers, ResolvedScenario scenario)
    {
        var supplied = brokers.Select(b => b.Buyer).ToHashSet(StringComparer.Ordinal);
        return sites.Select(s => s.NoClusteringCompliance is not null ? s : s with
        {
            NoClusteringCompliance = !(scenario.Countries[s.Country].IsD5 || scenario.Countries[s.HeadquartersOrCountry].IsD5 || supplied.Contains(s.Id)),
        }).ToList();
    }

    /// <summary>
    /// Places the data centres, country by country: a site the scenario lists is hosted alone, or with every site of its
    /// owner when the owner links them (a cluster is linked inside one host); generated sites are pooled, or with
    /// <see cref="Placement.OnePerAgent"/> each placed alone too. A pool is named by its country and its number there.
    /// </summary>
    private static List<DataCentreBlockPlan> PlaceDataCentres(List<DataCentreSpec> sites, HashSet<string> listed, int poolSize, Placement placement)
    {
        var blocks = new List<DataCentreBlockPlan>();
        foreach (var country in sites.GroupBy(s => s.Country, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var groups = LinkedGroups(country).ToList();
            var alone = groups.Where(g => placement == Placement.OnePerAgent || g.Any(s => listed.Contains(s.Id))).ToList();
            foreach (var group in alone)
                blocks.Add(group[0].LinkAcrossSites
                    ? new DataCentreBlockPlan(blocks.Count, country.Key, Hosting.Owner, $"{group[0].OwnerOrSelf}@{country.Key}", group) // the cluster key
                    : new DataCentreBlockPlan(blocks.Count, country.Key, Hosting.Agent, group[0].Id, group));
            foreach (var (pool, n) in Pack(groups.Except(alone), poolSize).Select((pool, n) => (pool, n)))
                blocks.Add(new DataCentreBlockPlan(blocks.Count, country.Key, Hosting.Pool, $"{country.Key}/{n}", pool));
        }
        return blocks;
    }

    /// <summary>One country's sites in groups that share a host: all of an owner's sites when it links them, else one site.</summary>
    private static IEnumerable<DataCentreSpec[]> LinkedGroups(IEnumerable<DataCentreSpec> sites) =>
        sites.GroupBy(s => s.LinkAcrossSites ? "owner:" + s.OwnerOrSelf : "site:" + s.Id, StringComparer.Ordinal)
            .Select(g => g.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray())
            .OrderBy(g => g[0].Id, StringComparer.Ordinal);

    /// <summary>
    /// Cuts groups of sites into pools of at most <paramref name="poolSize"/>, never splitting a group (a larger group
    /// gets a pool of its own).
    /// </summary>
    private static IEnumerable<DataCentreSpec[]> Pack(IEnumerable<DataCentreSpec[]> groups, int poolSize)
    {
        var pool = new List<DataCentreSpec>();
        foreach (var group in groups)
        {
            if (pool.Count > 0 && pool.Count + group.Length > poolSize)
            {
                yield return [.. pool];
                pool.Clear();
            }
            pool.AddRange(group);
        }
        if (pool.Count > 0) yield return [.. pool];
    }

    private static IEnumerable<DataCentreSpec> Generate(DataCentreGenerator generator, string path, RandomStreams streams, DrawCheck draws)
    {
        var countries = Ordered(generator.CountryWeights);
        var chips = Ordered(generator.ChipModels);
        var classes = Ordered(generator.BuyerClasses);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal); // one string per owner, however many sites it has
        for (var i = 0; i < generator.Count; i++)
        {
            var id = Id(generator.IdPrefix, i, generator.Count);
            var random = streams.For(id, 0, "generate");
            var country = Pick(countries, random);
            var every = Count(draws.Check(generator.OrderEveryMonths.Sample(random), $"{path}.orderEveryMonths", DataCentreRange.Every, id));
            // Drawn after the interval and before the chip, as it always was: the draws' order fixes the world.
            string? owner = null;
            if (generator.OwnersPerCountry > 0)
            {
                owner = $"{generator.IdPrefix}-owner-{country}-{random.Next(generator.OwnersPerCountry) + 1}";
                owner = owners.TryAdd(owner, owner) ? owner : owners[owner];
            }
            yield return new DataCentreSpec
            {
                Id = id,
                Country = country,
                Owner = owner,
                ChipModel = Pick(chips, random),
                TargetH100e = draws.Check(generator.TargetH100e.Sample(random), $"{path}.targetH100e", DataCentreRange.Target, id),
                OrderSizeH100e = Math.Max(1, draws.Check(generator.OrderSizeH100e.Sample(random), $"{path}.orderSizeH100e", DataCentreRange.OrderSize, id)),
                OrderEveryMonths = every,
                FirstOrderMonth = random.Next(every),
                GrowthPerYear = draws.Check(generator.GrowthPerYear.Sample(random), $"{path}.growthPerYear", DataCentreRange.Growth, id),
                InstalledH100e = draws.Check(generator.InstalledH100e.Sample(random), $"{path}.installedH100e", DataCentreRange.Installed, id),
                InstalledChipModel = generator.InstalledChipModel,
                ActiveFrom = generator.ActiveFrom,
                ActiveUntil = generator.ActiveUntil,
                // An owner's class, drawn from the owner's own stream: the same for every site it has.
                BuyerClass = classes.Names.Length == 0 ? null : Pick(classes, streams.For(owner ?? id, 0, "buyer-class")),
            };
        }
    }

    private static IEnumerable<IntermediarySpec> Generate(IntermediaryGenerator generator, string path, IReadOnlyList<string> buyers, RandomStreams streams, DrawCheck draws)
    {
        var hubs = Ordered(generator.HubWeights);
        var chips = Ordered(generator.ChipModels);
        // The potential entrants are numbered after the active networks: each is drawn from its own id's stream, so a
        // network is the same whether it starts active or forms later.
        var all = generator.Count + generator.PotentialEntrants;
        for (var i = 0; i < all; i++)
        {
            var id = Id(generator.IdPrefix, i, all);
            var random = streams.For(id, 0, "generate");
            var every = Count(draws.Check(generator.OrderEveryMonths.Sample(random), $"{path}.orderEveryMonths", IntermediaryRange.Every, id));
            yield return new IntermediarySpec
            {
                Id = id,
                Hub = Pick(hubs, random),
                Buyer = buyers[random.Next(buyers.Count)],
                ChipModel = Pick(chips, random),
                Shells = Count(draws.Check(generator.Shells.Sample(random), $"{path}.shells", IntermediaryRange.Shells, id)),
                ChipsPerOrder = Count(draws.Check(generator.ChipsPerOrder.Sample(random), $"{path}.chipsPerOrder", IntermediaryRange.ChipsPerOrder, id)),
                OrderEveryMonths = every,
                DelayMonths = (int)Math.Round(draws.Check(generator.DelayMonths.Sample(random), $"{path}.delayMonths", IntermediaryRange.Delay, id)),
                Markup = draws.Check(generator.Markup.Sample(random), $"{path}.markup", IntermediaryRange.Markup, id),
                FirstOrderMonth = random.Next(every),
                WorkingCapitalUsd = draws.Check(generator.WorkingCapitalUsd.Sample(random), $"{path}.workingCapitalUsd", IntermediaryRange.Capital, id),
                Potential = i >= generator.Count,
            };
        }
    }

    /// <summary>A draw rounded to a whole number of at least 1: for counts and month intervals (as <see cref="Distribution.SampleCount"/>).</summary>
    private static int Count(double draw) => Math.Max(1, (int)Math.Round(draw, MidpointRounding.AwayFromZero));

    private static class DataCentreRange
    {
        public static readonly ValueRangeAttribute Target = Of(nameof(DataCentreGenerator.TargetH100e));
        public static readonly ValueRangeAttribute OrderSize = Of(nameof(DataCentreGenerator.OrderSizeH100e));
        public static readonly ValueRangeAttribute Growth = Of(nameof(DataCentreGenerator.GrowthPerYear));
        public static readonly ValueRangeAttribute Installed = Of(nameof(DataCentreGenerator.InstalledH100e));
        public static readonly ValueRangeAttribute Every = Of(nameof(DataCentreGenerator.OrderEveryMonths));

        private static ValueRangeAttribute Of(string name) => typeof(DataCentreGenerator).GetProperty(name)!.GetCustomAttribute<ValueRangeAttribute>()!;
    }

    private static class IntermediaryRange
    {
        public static readonly ValueRangeAttribute Shells = Of(nameof(IntermediaryGenerator.Shells));
        public static readonly ValueRangeAttribute ChipsPerOrder = Of(nameof(IntermediaryGenerator.ChipsPerOrder));
        public static readonly ValueRangeAttribute Every = Of(nameof(IntermediaryGenerator.OrderEveryMonths));
        public static readonly ValueRangeAttribute Delay = Of(nameof(IntermediaryGenerator.DelayMonths));
        public static readonly ValueRangeAttribute Markup = Of(nameof(IntermediaryGenerator.Markup));
        public static readonly ValueRangeAttribute Capital = Of(nameof(IntermediaryGenerator.WorkingCapitalUsd));

        private static ValueRangeAttribute Of(string name) => typeof(IntermediaryGenerator).GetProperty(name)!.GetCustomAttribute<ValueRangeAttribute>()!;
    }

    /// <summary>
    /// Draws above their key's range, or not finite: a distribution's parameters keep its centre in range, but a
    /// heavy tail (pareto, logNormal) can still draw far beyond it. Each is replaced by the range's top so that
    /// generation can finish and report every key that drew out of range, once, with the first agent that did.
    /// </summary>
    private sealed class DrawCheck
    {
        private readonly SortedDictionary<string, (string Id, double Value, int Count, ValueRangeAttribute Range)> outside = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> drawn = new(StringComparer.Ordinal);

        public double Check(double value, string path, ValueRangeAttribute range, string id)
        {
            drawn[path] = drawn.GetValueOrDefault(path) + 1;
            if (double.IsFinite(value) && value <= range.Maximum) return value;
            outside[path] = outside.TryGetValue(path, out var known) ? known with { Count = known.Count + 1 } : (id, value, 1, range);
            return range.Maximum;
        }

        public List<ScenarioError> Problems(string file) => outside.Select(o => new ScenarioError(file, null, null, o.Key,
            $"expected draws of {ScenarioLimits.Describe(o.Value.Range, whole: false)}, found {ScenarioLimits.Format(o.Value.Value)} for \"{o.Value.Id}\"" +
            $" ({o.Value.Count:N0} of {drawn[o.Key]:N0} draws out of range): narrow the distribution")).ToList();
    }

    /// <summary>Whether <paramref name="id"/> is one a generator of <paramref name="count"/> agents with this prefix makes.</summary>
    public static bool IsGeneratedId(string id, string prefix, int count)
    {
        var width = count.ToString(CultureInfo.InvariantCulture).Length;
        return id.Length == prefix.Length + 1 + width && id.StartsWith(prefix + "-", StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= count;
    }

    private static string Id(string prefix, int index, int count) =>
        $"{prefix}-{(index + 1).ToString(new string('0', count.ToString(CultureInfo.InvariantCulture).Length), CultureInfo.InvariantCulture)}";

    private static (string[] Names, double[] Weights) Ordered(IReadOnlyDictionary<string, double> weights)
    {
        var ordered = weights.OrderBy(w => w.Key, StringComparer.Ordinal).ToArray();
        return (ordered.Select(w => w.Key).ToArray(), ordered.Select(w => w.Value).ToArray());
    }

    private static string Pick((string[] Names, double[] Weights) choices, Random random) =>
        choices.Names[Categorical.Sample(random, choices.Weights)];

    private static ScenarioException Invalid(ResolvedScenario scenario, string path, string message) =>
        new(new ScenarioError(scenario.SourceFile, null, null, path, message));
}
