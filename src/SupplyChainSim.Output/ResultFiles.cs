using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output;

/// <summary>
/// The output contract analysts script against: summary.json, months.csv and breaches.json. Everything is written
/// in a fixed order with fixed number formats, so the same run always gives the same bytes.
/// </summary>
public static class ResultFiles
{
    public const string Summary = "summary.json";
    public const string MonthsCsv = "months.csv";
    public const string Breaches = "breaches.json";
    public const string BreachesCsv = "breaches.csv";
    public const string LicencesCsv = "licences.csv";
    public const string DeliveriesCsv = "deliveries.csv";

    public const string ReplicationsCsv = "replications.csv";
    public const string EventsJsonl = "events.jsonl";
    public const string CalibrationCsv = "calibration.csv";

    /// <summary>Every file a run writes (with replications, replications.csv too).</summary>
    public static readonly IReadOnlyList<string> Names = [Summary, MonthsCsv, DeliveriesCsv, Breaches, BreachesCsv, LicencesCsv, EventsJsonl];

    /// <summary>A regime rule as one line of JSON, as summary.json and the reports show it.</summary>
    public static readonly JsonSerializerOptions RuleJson = new(ScenarioJson.Write)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToolVersion { get; } =
        typeof(ResultFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>
    /// The files of a run in name order, each with what writes it onto a stream (all but licences.csv when the run's
    /// decisions were streamed to it). With replications, the run's own files are replication 0's (the scenario's seed),
    /// summary.json gains a monteCarlo object and replications.csv lists every replication. Written one at a time, the
    /// large files of a large world (deliveries.csv, breaches.json) are never held whole.
    /// </summary>
    public static IReadOnlyList<(string Name, Action<Stream> Write)> Files(RunResults results, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        var files = new List<(string Name, Action<Stream> Write)>
        {
            (Summary, stream => stream.Write(RenderSummary(results, replications))),
            (MonthsCsv, stream => WriteMonths(stream, results)),
            (Breaches, stream => WriteBreaches(stream, results)),
            (BreachesCsv, stream => WriteBreachesCsv(stream, results)),
            (DeliveriesCsv, stream => WriteDeliveries(stream, results)),
            (EventsJsonl, stream => stream.Write(RenderEvents(results))),
        };
        // Streamed decisions were written to licences.csv as the run went (LicenceLog): the caller has that file.
        if (!results.DecisionsStreamed) files.Add((LicencesCsv, stream => WriteLicences(stream, results)));
        if (replications is not null) files.Add((ReplicationsCsv, stream => stream.Write(RenderReplications(replications))));
        var calibration = Model.Calibration.CalibrationRow.For(results, replications);
        if (calibration.Count > 0) files.Add((CalibrationCsv, stream => stream.Write(RenderCalibration(calibration))));
        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The files of a run (<see cref="Files"/>), by name, as bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(RunResults results, IReadOnlyList<ReplicationSummary>? replications = null) =>
        new SortedDictionary<string, byte[]>(Files(results, replications).ToDictionary(f => f.Name, f => Bytes(f.Write)), StringComparer.Ordinal);

    /// <summary>What <paramref name="write"/> writes, as bytes.</summary>
    public static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    public static byte[] RenderReplications(IReadOnlyList<ReplicationSummary> replications)
    {
        var kinds = replications.Count == 0 ? [] : replications[0].Kinds;
        return Csv(
            ["replication", "seed", "breachCount", "firstBreachMonth", "largestClusterH100e", "smuggledH100e", "largestUnauthorisedH100e",
                "detections", "seizedH100e", "licensedH100e", "exemptH100e", "deniedH100e",
                .. kinds.SelectMany(k => (IEnumerable<string>)[$"{BreachKind.Camel(k.Kind)}MaxExcessH100e", $"{BreachKind.Camel(k.Kind)}FirstMonth",
                    .. k.Thresholds.Select(t => $"{BreachKind.Camel(k.Kind)}Ge{BreachThresholds.Number(t.ThresholdH100e)}FirstMonth")]),
                // Then what each uncertain input drew, headed by its JSON path.
                .. (replications.Count == 0 ? [] : replications[0].Draws.Select(d => d.Path))],
            replications.OrderBy(r => r.Replication).Select(r => (object[])
            [
                r.Replication, r.Seed, r.BreachCount, r.FirstBreachMonth?.ToString() ?? "", H100e(r.LargestCluster), H100e(r.Smuggled),
                H100e(r.LargestUnauthorisedCluster), r.Detections, H100e(r.Seized), H100e(r.Licensed), H100e(r.Exempt), H100e(r.Denied),
                .. r.Kinds.SelectMany(k => (IEnumerable<object>)[H100e(k.MaxExcess), k.FirstBreach?.ToString() ?? "",
                    .. k.Thresholds.Select(t => (object)(t.FirstMonth?.ToString() ?? ""))]),
                .. r.Draws.Select(d => (object)d.Value),
            ]));
    }

    /// <summary>
    /// calibration.csv: each published figure the run's months cover, beside the model's median over replications with
    /// its 5th and 95th percentiles, the ratio to the published central figure, and whether the median is in range.
    /// </summary>
    public static byte[] RenderCalibration(IReadOnlyList<Model.Calibration.CalibrationRow> rows) => Csv(
        ["target", "metric", "from", "until", "low", "central", "high", "replications", "modelMedian", "modelP5", "modelP95", "ratioToCentral",
            "insideRange", "source", "note"],
        rows.Select(r => (object[])
        [
            r.Target.Id, r.Target.Metric, r.Target.From.ToString(), r.Target.Until.ToString(), r.Target.Low, r.Target.Central, r.Target.High,
            r.Replications, Significant(r.Median), Significant(r.P5), Significant(r.P95), Math.Round(r.RatioToCentral, 3, MidpointRounding.AwayFromZero),
            r.Inside ? "true" : "false", r.Target.Source, r.Target.Note,
        ]));

    /// <summary>Six significant figures: calibration values run from fractions to billions of dollars.</summary>
    private static double Significant(double value) =>
        value == 0 || !double.IsFinite(value) ? value : Math.Round(value, Math.Max(0, 5 - (int)Math.Floor(Math.Log10(Math.Abs(value)))), MidpointRounding.AwayFromZero);

    private static void WriteMonteCarlo(Utf8JsonWriter writer, IReadOnlyList<ReplicationSummary> replications)
    {
        var mc = MonteCarloSummary.Of(replications);
        static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
        void Month(string name, YearMonth? month)
        {
            if (month is { } m) writer.WriteString(name, m.ToString());
            else writer.WriteNull(name);
        }
        writer.WriteStartObject("monteCarlo");
        writer.WriteNumber("replications", mc.Replications);
        writer.WriteNumber("replicationsWithBreach", mc.ReplicationsWithBreach);
        // Every replication gave the same outcomes: the intervals below are then not an estimate of anything.
        writer.WriteBoolean("deterministic", mc.Deterministic);
        writer.WriteStartObject("breachProbability");
        writer.WriteNumber("estimate", Round(mc.BreachProbability));
        writer.WriteNumber("lower95", Round(mc.BreachProbabilityLower95));
        writer.WriteNumber("upper95", Round(mc.BreachProbabilityUpper95));
        writer.WriteString("interval", "Wilson score, 95%");
        writer.WriteEndObject();
        writer.WriteStartObject("firstBreachMonth");
        Month("p5", mc.FirstBreachP5);
        Month("median", mc.FirstBreachMedian);
        Month("p95", mc.FirstBreachP95);
        writer.WriteEndObject();
        writer.WriteStartObject("largestClusterH100e");
        writer.WriteNumber("p5", Round(mc.LargestClusterP5));
        writer.WriteNumber("median", Round(mc.LargestClusterMedian));
        writer.WriteNumber("p95", Round(mc.LargestClusterP95));
        writer.WriteEndObject();
        writer.WriteStartObject("largestUnauthorisedH100e");
        writer.WriteNumber("median", Round(mc.LargestUnauthorisedClusterMedian));
        writer.WriteNumber("p95", Round(mc.LargestUnauthorisedClusterP95));
        writer.WriteEndObject();
        writer.WriteNumber("smuggledH100eMean", Round(mc.SmuggledH100eMean));
        writer.WriteStartArray("byKind");
        foreach (var estimate in mc.Kinds)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", estimate.Kind);
            if (estimate.ThresholdH100e is { } threshold) writer.WriteNumber("thresholdH100e", threshold);
            else writer.WriteNull("thresholdH100e");
            writer.WriteNumber("replicationsReached", estimate.Reached);
            writer.WriteNumber("probability", Round(estimate.Probability));
            writer.WriteNumber("lower95", Round(estimate.Lower95));
            writer.WriteNumber("upper95", Round(estimate.Upper95));
            Month("firstMonthMedian", estimate.FirstMonthMedian);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static double H100e(Tpp compute) => H100eDisplay.H100eRounded(compute, 3);

    public static byte[] RenderSummary(RunResults results, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        var info = results.Info;
        var breaches = results.Breaches.ToList();
        var largest = results.Months.OrderByDescending(m => m.LargestCluster).ThenBy(m => m.Month).FirstOrDefault();
        Flow Total(Func<MonthReport, Flow> flow) => results.Months.Aggregate(Flow.None, (sum, m) => sum + flow(m));

        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("tool", "supplychainsim");
            writer.WriteString("version", ToolVersion);
            writer.WriteString("scenario", info.Scenario);
            writer.WriteString("description", info.Description);
            writer.WriteNumber("seed", info.Seed);
            writer.WriteString("start", info.Start.ToString());
            writer.WriteNumber("months", info.Months);
            writer.WriteString("end", info.Start.AddMonths(info.Months - 1).ToString());
            writer.WriteStartArray("regime");
            foreach (var rule in info.Regime.Rules) JsonSerializer.Serialize(writer, rule, RuleJson);
            writer.WriteEndArray();
            writer.WriteNumber("agents", info.Agents);
            writer.WriteStartArray("uncertainInputs");
            foreach (var draw in info.Draws)
            {
                writer.WriteStartObject();
                writer.WriteString("path", draw.Path);
                writer.WriteNumber("value", draw.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteNumber("breachCount", breaches.Count);
            if (breaches.Count > 0) writer.WriteString("firstBreachMonth", breaches.Min(b => b.Month).ToString());
            else writer.WriteNull("firstBreachMonth");
            WriteBreachKinds(writer, results, breaches);
            writer.WriteNumber("largestClusterH100e", H100e(largest?.LargestCluster ?? Tpp.Zero));
            if (largest?.LargestClusterSite is { } site) writer.WriteString("largestClusterSite", site);
            else writer.WriteNull("largestClusterSite");
            writer.WriteStartObject("shipped");
            WriteFlow(writer, "licensed", Total(m => m.Licensed));
            WriteFlow(writer, "exempt", Total(m => m.Exempt));
            WriteFlow(writer, "smuggled", Total(m => m.Smuggled));
            writer.WriteEndObject();
            writer.WriteNumber("smuggledValueUsd", Math.Round(results.Months.Sum(m => m.SmuggledValueUsd), 2));
            WriteFlow(writer, "denied", Total(m => m.Denied));
            writer.WriteStartObject("licenceDecisions");
            foreach (var outcome in Enum.GetValues<LicenceOutcome>())
                writer.WriteNumber(OutcomeName(outcome), results.Months.Sum(m => m.Licensing.Count(outcome)));
            writer.WriteEndObject();
            writer.WriteNumber("revenueShareUsd", Math.Round(results.Months.Sum(m => m.Licensing.RevenueShareUsd), 2));
            var detections = results.Months.SelectMany(m => m.Detections).ToList();
            writer.WriteStartObject("detections");
            writer.WriteNumber("lots", detections.Count);
            writer.WriteNumber("chips", detections.Sum(d => (long)d.Chips));
            writer.WriteNumber("h100e", H100e(Tpp.Sum(detections, d => d.Compute)));
            writer.WriteNumber("shellsListed", detections.Select(d => d.Shell).Distinct().Count());
            writer.WriteEndObject();
            var unauthorised = results.Months.Select(m => (m.Month, Cluster: m.LargestUnauthorised)).Where(u => u.Cluster is not null)
                .OrderByDescending(u => u.Cluster!.Excess).ThenBy(u => u.Month).FirstOrDefault();
            if (unauthorised.Cluster is { } cluster)
            {
                var (route, via, compute) = ClusterBreach.MainContributionOf(cluster.Acquisitions);
                writer.WriteStartObject("largestUnauthorisedCluster");
                writer.WriteString("month", unauthorised.Month.ToString());
                writer.WriteString("site", cluster.Site);
                writer.WriteString("owner", cluster.Owner);
                writer.WriteString("country", cluster.Country);
                writer.WriteString("kind", cluster.Kind);
                writer.WriteNumber("excessH100e", H100e(cluster.Excess));
                writer.WriteNumber("lawfulH100e", H100e(cluster.Lawful));
                writer.WriteNumber("linkedClusterH100e", H100e(cluster.LinkedCluster));
                writer.WriteStartObject("mainContribution");
                writer.WriteString("route", RouteName(route));
                if (via is null) writer.WriteNull("via");
                else writer.WriteString("via", via);
                writer.WriteNumber("h100e", H100e(compute));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            else writer.WriteNull("largestUnauthorisedCluster");
            var events = results.Months.SelectMany(m => m.RareEarths.Events).ToList();
            writer.WriteStartObject("rareEarths");
            writer.WriteNumber("events", events.Count);
            writer.WriteNumber("concessionsOffered", events.Count(e => e.Type == "concession-offered"));
            writer.WriteNumber("concessionsAccepted", events.Count(e => e.Type == "concession-accepted"));
            var accepted = events.FirstOrDefault(e => e.Type == "concession-accepted");
            if (accepted is null) writer.WriteNull("firstConcessionMonth");
            else writer.WriteString("firstConcessionMonth", accepted.Month.ToString());
            writer.WriteNumber("peakShortage", Math.Round(results.Months.SelectMany(m => m.RareEarths.Importers).Select(i => i.Shortage).DefaultIfEmpty(0).Max(), 4));
            writer.WriteEndObject();
            if (replications is not null) WriteMonteCarlo(writer, replications);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// summary.json's answer by breach kind: the thresholds asked about, how many clusters breached and when first, the
    /// largest excess any cluster reached (and where), and the first month some cluster reached each threshold.
    /// </summary>
    private static void WriteBreachKinds(Utf8JsonWriter writer, RunResults results, IReadOnlyList<ClusterBreach> breaches)
    {
        writer.WriteStartObject("byKind");
        foreach (var kind in BreachKind.All)
        {
            var outcome = KindOutcome.Of(kind, results);
            var ofKind = breaches.Where(b => b.Kind == kind).ToList();
            var largest = ofKind.OrderByDescending(b => b.EndExcess).ThenBy(b => b.Month).ThenBy(b => b.Site, StringComparer.Ordinal).FirstOrDefault();
            writer.WriteStartObject(kind);
            writer.WriteNumber("breaches", ofKind.Count);
            if (outcome.FirstBreach is { } first) writer.WriteString("firstMonth", first.ToString());
            else writer.WriteNull("firstMonth");
            writer.WriteNumber("largestExcessH100e", H100e(outcome.MaxExcess));
            if (largest is null) writer.WriteNull("largestAt");
            else writer.WriteString("largestAt", $"{largest.Site} ({largest.Owner}, {largest.Country})");
            if (largest is null) writer.WriteNull("limitBasis");
            else writer.WriteString("limitBasis", largest.EndLimitBasis);
            if (largest is null) writer.WriteNull("mainContribution");
            else
            {
                var (route, via, compute) = largest.EndMainContribution;
                writer.WriteStartObject("mainContribution");
                writer.WriteString("route", RouteName(route));
                if (via is null) writer.WriteNull("via");
                else writer.WriteString("via", via);
                writer.WriteNumber("h100e", H100e(compute));
                writer.WriteEndObject();
            }
            writer.WriteStartArray("thresholds");
            foreach (var threshold in outcome.Thresholds)
            {
                writer.WriteStartObject();
                writer.WriteNumber("thresholdH100e", threshold.ThresholdH100e);
                if (threshold.FirstMonth is { } month) writer.WriteString("firstMonth", month.ToString());
                else writer.WriteNull("firstMonth");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteFlow(Utf8JsonWriter writer, string name, Flow flow)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("chips", flow.Chips);
        writer.WriteNumber("h100e", H100e(flow.Compute));
        writer.WriteEndObject();
    }

    private static void WriteMonths(Stream stream, RunResults results) => Csv(stream,
        ["month", "country", "licensedH100e", "exemptH100e", "smuggledH100e", "deniedH100e", "installedH100e", "largestClusterH100e",
            "licensedChips", "exemptChips", "smuggledChips", "deniedChips", "newBreaches", "seizedH100e", "seizedChips",
            "magnetSupplyIndex", "magnetShortage", "unauthorisedH100e"],
        results.Months.SelectMany(m => m.Countries.Select(row => (m, row, importer: m.RareEarths.Importers.FirstOrDefault(i => i.Country == row.Country))).Select(x => new object[]
        {
            x.m.Month.ToString(), x.row.Country, H100e(x.row.Licensed.Compute), H100e(x.row.Exempt.Compute), H100e(x.row.Smuggled.Compute),
            H100e(x.row.Denied.Compute), H100e(x.row.Installed), H100e(x.row.LargestCluster), x.row.Licensed.Chips, x.row.Exempt.Chips,
            x.row.Smuggled.Chips, x.row.Denied.Chips, x.row.NewBreaches, H100e(x.row.Seized.Compute), x.row.Seized.Chips,
            x.importer is null ? "" : Fraction(x.importer.SupplyIndex), x.importer is null ? "" : Fraction(x.importer.Shortage),
            H100e(x.row.Unauthorised),
        })));

    private static object Fraction(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>events.jsonl: one JSON object per line, each with a "type" (rare-earth policy changes, offers, acceptances).</summary>
    public static byte[] RenderEvents(RunResults results)
    {
        using var stream = new MemoryStream();
        foreach (var e in results.Months.SelectMany(m => m.RareEarths.Events))
        {
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("month", e.Month.ToString());
                writer.WriteString("type", e.Type);
                if (e.Importer is { } importer) writer.WriteString("importer", importer);
                if (e.Exporter is { } exporter) writer.WriteString("exporter", exporter);
                if (e.Policy is { } policy) writer.WriteString("policy", policy);
                if (e.ApprovalRate is { } rate) writer.WriteNumber("approvalRate", rate);
                if (e.Terms is { } terms)
                {
                    writer.WriteString("offeredBy", terms.OfferedBy);
                    writer.WriteString("acceptedBy", terms.AcceptedBy);
                    writer.WriteStartArray("chipModels");
                    foreach (var model in terms.ChipModels) writer.WriteStringValue(model);
                    writer.WriteEndArray();
                    writer.WriteNumber("revenueShare", terms.RevenueShare);
                    writer.WriteNumber("quotaH100ePerMonth", terms.QuotaH100ePerMonth);
                }
                writer.WriteBoolean("scripted", e.Scripted);
                writer.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A CSV file as every output writes it (the run's files, compare.csv and sweep.csv): invariant culture, "\n" line
    /// ends, fields quoted only when needed, text cells made <see cref="SpreadsheetSafe"/>.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object>> rows) => Bytes(stream => Csv(stream, header, rows));

    /// <summary>The same CSV written onto <paramref name="stream"/> as UTF-8, row by row: a large file is never held as text.</summary>
    public static void Csv(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object>> rows)
    {
        using var csv = CsvTo(stream);
        WriteCsvRow(csv, header);
        foreach (var row in rows) WriteCsvRow(csv, row);
    }

    /// <summary>A CSV writer onto <paramref name="stream"/> (UTF-8, no byte order mark) set up as <see cref="Csv(Stream, IReadOnlyList{string}, IEnumerable{IReadOnlyList{object}})"/> writes; disposing it leaves the stream open.</summary>
    internal static CsvWriter CsvTo(Stream stream)
    {
        // CsvHelper quotes a field with "\n" (the line end set here) but not one with a lone "\r", which readers take as a
        // line break too.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\n",
            ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field?.Contains('\r') == true,
        };
        var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        return new CsvWriter(text, configuration, leaveOpen: false);
    }

    /// <summary>One record: text cells made <see cref="SpreadsheetSafe"/>.</summary>
    internal static void WriteCsvRow(CsvWriter csv, IEnumerable<object> row)
    {
        foreach (var field in row) csv.WriteField(field is string cell ? SpreadsheetSafe(cell) : field);
        csv.NextRecord();
    }

    /// <summary>
    /// Names come from scenario files, and a spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage
    /// return as a formula (CSV injection): such a text cell gets a leading single quote, as OWASP recommends, so it
    /// opens as text. Text that is a plain number (a negative one, a swept value) stays as it is.
    /// </summary>
    public static string SpreadsheetSafe(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' &&
        !double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;

    /// <summary>deliveries.csv: a month's deliveries by destination, chip model, seller, route and intermediary.</summary>
    private static void WriteDeliveries(Stream stream, RunResults results) => Csv(stream,
        ["month", "country", "chipModel", "seller", "route", "via", "chips", "h100e", "valueUsd"],
        results.Months.SelectMany(m => m.Deliveries.Select(f => new object[]
        {
            m.Month.ToString(), f.Country, f.ChipModel, f.Seller, RouteName(f.Route), f.Via ?? "", f.Chips, H100e(f.Compute), Math.Round(f.ValueUsd, 2),
        })));

    /// <summary>licences.csv: one row per licence decision, with the rule that decided it (<see cref="LicenceLog"/> writes the rows).</summary>
    public static byte[] RenderLicences(RunResults results) => Bytes(stream => WriteLicences(stream, results));

    private static void WriteLicences(Stream stream, RunResults results)
    {
        if (results.DecisionsStreamed)
            throw new InvalidOperationException("the run's licence decisions were streamed to licences.csv as they were made, and are not held to render it again");
        using var log = new LicenceLog(stream);
        foreach (var month in results.Months) log.Append(month);
    }

    public static string OutcomeName(LicenceOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static void WriteBreaches(Stream stream, RunResults results) => Json(stream, writer =>
    {
        writer.WriteStartArray();
        foreach (var breach in results.Breaches) WriteBreach(writer, breach);
        writer.WriteEndArray();
    });

    private static void WriteBreach(Utf8JsonWriter writer, ClusterBreach breach)
    {
        writer.WriteStartObject();
        writer.WriteString("month", breach.Month.ToString());
        writer.WriteString("kind", breach.Kind);
        writer.WriteString("site", breach.Site);
        writer.WriteString("owner", breach.Owner);
        writer.WriteString("country", breach.Country);
        writer.WriteNumber("clusterH100e", H100e(breach.Cluster));
        writer.WriteNumber("permittedH100e", H100e(breach.Permitted));
        writer.WriteNumber("excessH100e", H100e(breach.Excess));
        writer.WriteString("limitBasis", breach.LimitBasis);
        writer.WriteNumber("linkedClusterH100e", H100e(breach.LinkedCluster));
        writer.WriteNumber("endClusterH100e", H100e(breach.EndCluster));
        writer.WriteNumber("endExcessH100e", H100e(breach.EndExcess));
        writer.WriteString("endLimitBasis", breach.EndLimitBasis);
        writer.WriteStartArray("sites");
        foreach (var site in breach.Sites) writer.WriteStringValue(site);
        writer.WriteEndArray();
        writer.WriteBoolean("firstForOwner", breach.FirstForOwner);
        writer.WriteBoolean("detectedByThen", breach.DetectedByThen);
        writer.WriteStartArray("acquisitions");
        foreach (var acquisition in breach.Acquisitions)
        {
            writer.WriteStartObject();
            writer.WriteString("month", acquisition.Month.ToString());
            writer.WriteString("exported", acquisition.Exported.ToString());
            writer.WriteString("seller", acquisition.Seller);
            if (acquisition.Via is { } via) writer.WriteString("via", via);
            else writer.WriteNull("via");
            writer.WriteString("chipModel", acquisition.ChipModel);
            writer.WriteNumber("chips", acquisition.Chips);
            writer.WriteNumber("h100e", H100e(acquisition.Compute));
            writer.WriteString("route", RouteName(acquisition.Route));
            writer.WriteString("basis", acquisition.Basis);
            writer.WriteBoolean("noClustering", acquisition.NoClustering);
            if (acquisition.DeniedDirectlyBy is { } denied) writer.WriteString("deniedDirectlyBy", denied);
            else writer.WriteNull("deniedDirectlyBy");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>breaches.csv: breaches.json flattened, one row per breach and acquisition, for pandas, R and spreadsheets.</summary>
    private static void WriteBreachesCsv(Stream stream, RunResults results) => Csv(stream,
        ["month", "kind", "site", "owner", "country", "clusterH100e", "permittedH100e", "excessH100e", "limitBasis", "endExcessH100e",
            "acquisitionMonth", "exported", "seller", "via", "chipModel", "chips", "h100e", "route", "basis", "noClustering", "deniedDirectlyBy"],
        results.Breaches.SelectMany(b => b.Acquisitions.Select(a => new object[]
        {
            b.Month.ToString(), b.Kind, b.Site, b.Owner, b.Country, H100e(b.Cluster), H100e(b.Permitted), H100e(b.Excess), b.LimitBasis,
            H100e(b.EndExcess), a.Month.ToString(), a.Exported.ToString(), a.Seller, a.Via ?? "", a.ChipModel, a.Chips, H100e(a.Compute),
            RouteName(a.Route), a.Basis, a.NoClustering ? "true" : "false", a.DeniedDirectlyBy ?? "",
        })));

    public static string RouteName(Route route) => route switch
    {
        Route.Licensed => "licensed",
        Route.Exempt => "exempt",
        _ => "smuggled",
    };

    private static byte[] Json(Action<Utf8JsonWriter> write) => Bytes(stream => Json(stream, write));

    private static void Json(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
            write(writer);
        stream.WriteByte((byte)'\n');
    }
}
