using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;
using CsvHelper.Configuration;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Output.Json;

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
        var kinds = replications.Count == 0 ? [] : ReplicationKinds(replications[0]);
        return Csv(
            // Then what each uncertain input drew, headed by its JSON path.
            [.. ReplicationColumns(kinds), .. (replications.Count == 0 ? [] : replications[0].Draws.Select(d => d.Path))],
            replications.OrderBy(r => r.Replication).Select(r => (object[])[.. ReplicationCells(r, kinds), .. r.Draws.Select(d => (object)d.Value)]));
    }

    /// <summary>The breach kinds of a replication, each with the concern thresholds asked about it.</summary>
    private static IReadOnlyList<(string Kind, IReadOnlyList<double> Thresholds)> ReplicationKinds(ReplicationSummary replication) =>
        [.. replication.Kinds.Select(k => (k.Kind, (IReadOnlyList<double>)[.. k.Thresholds.Select(t => t.ThresholdH100e)]))];

    /// <summary>
    /// The columns of a replication that replications.csv and compare-replications.csv share: its outcomes, then by kind
    /// the largest excess, the first breach month and the first month each threshold was reached.
    /// </summary>
    public static IReadOnlyList<string> ReplicationColumns(IReadOnlyList<(string Kind, IReadOnlyList<double> Thresholds)> kinds) =>
    [
        "replication", "seed", "breachCount", "firstBreachMonth", "largestClusterH100e", "smuggledH100e", "largestUnauthorisedH100e",
        "detections", "seizedH100e", "licensedH100e", "exemptH100e", "deniedH100e",
        .. kinds.SelectMany(k => (IEnumerable<string>)[$"{BreachKind.Camel(k.Kind)}MaxExcessH100e", $"{BreachKind.Camel(k.Kind)}FirstMonth",
            .. k.Thresholds.Select(t => $"{BreachKind.Camel(k.Kind)}Ge{BreachThresholds.Number(t)}FirstMonth")]),
    ];

    /// <summary>A replication's cells under <see cref="ReplicationColumns"/>; a kind or threshold it was not asked about is left empty.</summary>
    public static IEnumerable<object> ReplicationCells(ReplicationSummary r, IReadOnlyList<(string Kind, IReadOnlyList<double> Thresholds)> kinds)
    {
        static string Month(YearMonth? month) => month?.ToString() ?? "";
        return
        [
            r.Replication, r.Seed, r.BreachCount, Month(r.FirstBreachMonth), H100e(r.LargestCluster), H100e(r.Smuggled),
            H100e(r.LargestUnauthorisedCluster), r.Detections, H100e(r.Seized), H100e(r.Licensed), H100e(r.Exempt), H100e(r.Denied),
            .. kinds.SelectMany(k => r.Kinds.FirstOrDefault(x => x.Kind == k.Kind) is { } outcome
                ? (IEnumerable<object>)[H100e(outcome.MaxExcess), Month(outcome.FirstBreach),
                    .. k.Thresholds.Select(t => (object)Month(outcome.Thresholds.FirstOrDefault(x => x.ThresholdH100e == t)?.FirstMonth))]
                : Enumerable.Repeat((object)"", 2 + k.Thresholds.Count)),
        ];
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

    public static double H100e(Tpp compute) => H100eDisplay.H100eRounded(compute, 3);

    public static byte[] RenderSummary(RunResults results, IReadOnlyList<ReplicationSummary>? replications = null) =>
        Bytes(stream => Json(stream, SummaryFile.Of(results, replications), OutputJson.Default.SummaryFile));

    private static void WriteMonths(Stream stream, RunResults results) => Csv(stream,
        ["month", "country", "licensedH100e", "exemptH100e", "smuggledH100e", "deniedH100e", "installedH100e", "largestClusterH100e",
            "licensedChips", "exemptChips", "smuggledChips", "deniedChips", "newBreaches", "seizedH100e", "seizedChips",
            "magnetSupplyIndex", "magnetShortage", "unauthorisedH100e", "greyPriceUsdPerH100e", "greyPremium", "activeNetworks", "rentedH100e"],
        results.Months.SelectMany(m => m.Countries.Select(row => (m, row, importer: m.RareEarths.Importers.FirstOrDefault(i => i.Country == row.Country),
            grey: m.GreyMarket is { } g && g.Country == row.Country ? g : null)).Select(x => new object[]
        {
            x.m.Month.ToString(), x.row.Country, H100e(x.row.Licensed.Compute), H100e(x.row.Exempt.Compute), H100e(x.row.Smuggled.Compute),
            H100e(x.row.Denied.Compute), H100e(x.row.Installed), H100e(x.row.LargestCluster), x.row.Licensed.Chips, x.row.Exempt.Chips,
            x.row.Smuggled.Chips, x.row.Denied.Chips, x.row.NewBreaches, H100e(x.row.Seized.Compute), x.row.Seized.Chips,
            x.importer is null ? "" : Fraction(x.importer.SupplyIndex), x.importer is null ? "" : Fraction(x.importer.Shortage),
            H100e(x.row.Unauthorised),
            // The grey market's figures on its home country's row only, so that a sum over rows counts each once.
            x.grey is null ? "" : Math.Round(x.grey.PriceUsdPerH100e, 0, MidpointRounding.AwayFromZero), x.grey is null ? "" : Fraction(x.grey.Premium),
            x.grey is null ? "" : x.grey.ActiveNetworks, x.grey is null ? "" : Math.Round(x.grey.RentedWork, 3, MidpointRounding.AwayFromZero),
        })));

    private static object Fraction(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>events.jsonl: one JSON object per line, each with a "type" (rare-earth policy changes, offers, acceptances).</summary>
    public static byte[] RenderEvents(RunResults results) => Bytes(stream =>
    {
        foreach (var e in results.Months.SelectMany(m => m.RareEarths.Events))
        {
            JsonSerializer.Serialize(stream, RareEarthEventLine.Of(e), EventLinesJson.Default.RareEarthEventLine);
            stream.WriteByte((byte)'\n');
        }
    });

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

    private static void WriteBreaches(Stream stream, RunResults results) =>
        Json(stream, results.Breaches.Select(BreachEntry.Of), OutputJson.Default.IEnumerableBreachEntry);

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

    /// <summary>A JSON file: <paramref name="value"/> as <see cref="OutputJson"/> writes it, then a line end.</summary>
    private static void Json<T>(Stream stream, T value, JsonTypeInfo<T> type)
    {
        JsonSerializer.Serialize(stream, value, type);
        stream.WriteByte((byte)'\n');
    }
}
