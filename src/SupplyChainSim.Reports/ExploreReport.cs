using System.Globalization;
using ScottPlot;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Exploration;
using SupplyChainSim.Output;

namespace SupplyChainSim.Reports;

/// <summary>
/// The files of `explore`: explore.csv (a row per point: the inputs, then the outcomes), sensitivity.csv (each
/// outcome's partial rank correlation with each input), prim.csv (the peeling trajectory and the box described) and
/// explore.html (the inputs, the tornado chart, the PRIM box in words with its trade-off curve, and the inputs against
/// the outcome). Pure functions of the points: the same points give the same bytes.
/// </summary>
public static class ExploreReport
{
    public const string CsvName = "explore.csv";
    public const string SensitivityName = "sensitivity.csv";
    public const string PrimName = "prim.csv";
    public const string HtmlName = "explore.html";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The scatter matrix pairs at most this many inputs (six charts).</summary>
    private const int MatrixInputs = 4;

    /// <summary>A row per point, in the order sampled: its index, each input's value as set (H100e where given so), then the outcomes.</summary>
    public static byte[] Csv(ExplorationAnalysis analysis, BreachThresholds thresholds) => ResultFiles.Csv(
        [ExploreOutcomes.PointColumn, .. analysis.Inputs.Select(i => i.Name), .. ExploreOutcomes.Columns(thresholds)],
        analysis.Points.Select(p => (IReadOnlyList<object>)[p.Index, .. p.Values.Cast<object>(), .. ExploreOutcomes.Values(p, thresholds)]));

    /// <summary>A row per outcome and input: the PRCC and its p-value (empty where it could not be measured).</summary>
    public static byte[] SensitivityCsv(ExplorationAnalysis analysis) => ResultFiles.Csv(
        ["outcome", "input", "path", "prcc", "pValue"],
        analysis.Sensitivities.SelectMany(s => s.ByInput.Select((r, j) => (IReadOnlyList<object>)
        [
            s.Measure.Column, analysis.Inputs[j].Name, analysis.Inputs[j].Path, r.Measured ? Round(r.Value) : "", r.Measured ? Round(r.PValue) : "",
        ])));

    /// <summary>
    /// The peeling trajectory, a row per box ("peel 0" holds every point), the chosen one marked, then the box
    /// described: its points, cases, coverage, density, mass and each input's bounds.
    /// </summary>
    public static byte[] PrimCsv(ExplorationAnalysis analysis)
    {
        IReadOnlyList<object> Row(string name, bool chosen, PrimBox box) =>
        [
            name, chosen ? "true" : "false", box.Points, box.Cases, Round(box.Coverage), Round(box.Density), Round(box.Mass), box.Restricted(analysis.Data).Count,
            .. analysis.Inputs.SelectMany((_, j) => new object[] { box.Lower[j], box.Upper[j] }),
        ];
        return ResultFiles.Csv(
            ["box", "chosen", "points", "cases", "coverage", "density", "mass", "inputsLimited", .. analysis.Inputs.SelectMany(i => new[] { $"{i.Name} lower", $"{i.Name} upper" })],
            [
                .. analysis.Trajectory.Select((box, i) => Row($"peel {i}", i == analysis.Chosen, box)),
                .. analysis.ChosenBox != analysis.Trajectory[analysis.Chosen] ? [Row("pasted", false, analysis.ChosenBox)] : Array.Empty<IReadOnlyList<object>>(),
                Row("described", false, analysis.Described),
            ]);
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>A value of an input as a person reads it: whole numbers and large amounts with separators, others to 3 significant digits.</summary>
    public static string Value(ExploredInput input, double value) =>
        input.Whole || Math.Abs(value) >= 100 ? value.ToString("N0", Invariant) : value.ToString("G3", Invariant);

    private static string Percent(double share) => (share * 100).ToString("0", Invariant) + "%";

    /// <summary>"smuggling networks is at least 41", "customs detection is from 0.05 to 0.2".</summary>
    public static string Limit(ExplorationAnalysis analysis, PrimRestriction r)
    {
        var input = analysis.Inputs[r.Input];
        return r.LimitsLower && r.LimitsUpper ? $"{input.Name} is from {Value(input, r.Lower)} to {Value(input, r.Upper)}"
            : r.LimitsLower ? $"{input.Name} is at least {Value(input, r.Lower)}"
            : $"{input.Name} is at most {Value(input, r.Upper)}";
    }

    /// <summary>The box PRIM found, in words, with its coverage and density; or why there is none.</summary>
    public static string BoxInWords(ExplorationAnalysis analysis)
    {
        var target = analysis.Target.Describe();
        var n = analysis.Points.Count;
        if (analysis.Cases == 0) return $"{Start(analysis.Target)} is likely in none of the {n:N0} futures: there is no box to find (--outcome chooses another).";
        if (analysis.Cases == n) return $"{Start(analysis.Target)} is likely in all {n:N0} futures: it does not depend on these inputs over these ranges.";
        var box = analysis.Described;
        if (analysis.Restrictions.Count == 0)
            return $"PRIM found no box: no limit on the inputs makes {target} markedly more likely than in all futures, where it is likely in {Percent(box.Density)} of them.";
        return $"{Start(analysis.Target)} is likely when {string.Join(" and ", analysis.Restrictions.Select(r => Limit(analysis, r)))}: " +
            $"{Percent(box.Coverage)} of the futures where it is likely fall in this box (coverage), and it is likely in {Percent(box.Density)} " +
            $"of the futures in the box (density {box.Density.ToString("0.00", Invariant)}); the box holds {Percent(box.Mass)} of all futures.";
    }

    /// <summary>"+0.812 (p &lt; 0.001)".</summary>
    public static string Coefficient(RankCorrelation r) =>
        !r.Measured ? "not measured" : $"{r.Value.ToString("+0.000;-0.000;0.000", Invariant)} ({PValue(r.PValue)})";

    private static string PValue(double p) => p < 0.001 ? "p < 0.001" : $"p {p.ToString("0.000", Invariant)}";

    /// <summary>
    /// The inputs that move the probability of the outcome sought, strongest first, and those that do not
    /// (p-value of 0.05 or more): what the tornado chart shows, in a sentence.
    /// </summary>
    public static string DriversInWords(ExplorationAnalysis analysis)
    {
        var sensitivity = analysis.TargetSensitivity;
        var target = analysis.Target.Describe();
        var measured = sensitivity.ByInput.Select((r, j) => (r, j)).Where(x => x.r.Measured).ToList();
        if (measured.Count == 0)
            return analysis.Points.Count < analysis.Inputs.Count + 3
                ? $"Too few futures ({analysis.Points.Count}) to measure sensitivity to {analysis.Inputs.Count} inputs: it needs at least {analysis.Inputs.Count + 3}."
                : $"The probability of {target} was the same in every future: nothing to measure.";
        var drivers = measured.Where(x => x.r.PValue < 0.05).OrderByDescending(x => Math.Abs(x.r.Value)).ThenBy(x => x.j).ToList();
        var none = measured.Where(x => x.r.PValue >= 0.05).Select(x => analysis.Inputs[x.j].Name).ToList();
        var text = drivers.Count == 0 ? $"No input moves the probability of {target} clearly (every p-value 0.05 or more)."
            : $"The probability of {target} " + string.Join("; ", drivers.Select(x =>
                $"{(x.r.Value > 0 ? "rises" : "falls")} with {analysis.Inputs[x.j].Name} (PRCC {Coefficient(x.r)})")) + ".";
        return none.Count == 0 || drivers.Count == 0 ? text : $"{text} No clear effect (p 0.05 or more): {string.Join(", ", none)}.";
    }

    /// <summary>The outcome at the start of a sentence: "A breach of any kind", a kind's name as it is written.</summary>
    private static string Start(ExploreTarget target) => target.Kind is null ? "A" + target.Describe()[1..] : target.Describe();

    /// <summary>The measure of how far the outcome sought went, for charts: the largest excess of its kind (any kind for "any breach").</summary>
    private static ExploreMeasure Excess(ExplorationAnalysis analysis) =>
        analysis.Sensitivities.Select(s => s.Measure).Single(m => m.Column ==
            (analysis.Target.Kind is { } kind ? $"{BreachKind.Camel(kind)}MaxExcessH100eMean" : "largestUnauthorisedH100eMean"));

    public static byte[] Html(ExploreRun run, ExplorationAnalysis analysis)
    {
        var heading = $"Exploring {run.Scenario}: {analysis.Points.Count:N0} futures";
        var page = new HtmlPage($"{heading}: SupplyChainSim");
        page.Heading(1, heading);
        Introduction(page, run, analysis);
        OutcomeSought(page, run, analysis);
        Sensitivity(page, analysis);
        Discovery(page, analysis);
        InputsAgainstOutcome(page, analysis);
        EveryFuture(page, analysis);
        return page.Render();
    }

    /// <summary>The scenario, how the futures were drawn and run, and each input with the values run.</summary>
    private static void Introduction(HtmlPage page, ExploreRun run, ExplorationAnalysis analysis)
    {
        var n = analysis.Points.Count;
        if (n < run.Planned)
            page.Note($"Partial: stopped after {n:N0} of {run.Planned:N0} futures; the ones shown are complete (every replication), the others were not run. " +
                "They are no longer a Latin hypercube, but each is still a random draw over the inputs' ranges.");
        page.Paragraph($"{run.Scenario} ({run.File}): {run.Description}")
            .Paragraph($"{run.Planned:N0} futures drawn by Latin hypercube sampling (seed {run.Seed}) over the {analysis.Inputs.Count} inputs the scenario's " +
                $"\"uncertainties\" declare, each future run with {run.Replications:N0} replication{(run.Replications == 1 ? "" : "s")} on the replication seeds " +
                $"run and compare use, {run.Start} to {run.Start.AddMonths(run.Months - 1)}. The scenario's other uncertain inputs are drawn in each replication, as by run.");
        page.Table(["input", "path", "sampled from", "values run", "in place of"], analysis.Inputs.Select((input, j) => (IReadOnlyList<string>)
        [
            input.Name, input.Path + (input.InH100e ? " (H100e)" : ""), input.Sampled,
            $"{Value(input, analysis.Points.Min(p => p.Values[j]))} to {Value(input, analysis.Points.Max(p => p.Values[j]))}",
            input.ReplacesUncertain ? "the scenario's uncertain input" : "the scenario's value",
        ]));
    }

    /// <summary>In how many futures the outcome sought is likely, and every other breach outcome beside it.</summary>
    private static void OutcomeSought(HtmlPage page, ExploreRun run, ExplorationAnalysis analysis)
    {
        var n = analysis.Points.Count;
        page.Heading(2, "The outcome sought");
        page.Paragraph($"{Start(analysis.Target)} (--outcome {analysis.Target.Option}): likely, in more than half of a future's replications, " +
            $"in {analysis.Cases:N0} of {n:N0} futures ({Percent((double)analysis.Cases / n)}).");
        var probabilities = analysis.Sensitivities.Where(s => s.Measure.IsProbability).ToList();
        page.Details("Every breach outcome: in how many futures it is likely (another can be sought with --outcome)", ["outcome", "--outcome", "futures where likely", "share"],
            probabilities.Select(s =>
            {
                var likely = analysis.Points.Count(p => s.Measure.Value(p) > 0.5);
                return (IReadOnlyList<string>)[s.Measure.Title, OptionOf(s.Measure.Column, run.Thresholds), likely.ToString("N0", Invariant), Percent((double)likely / n)];
            }));
    }

    /// <summary>What drives the outcome, in words and as a tornado chart, and every outcome's PRCC with every input.</summary>
    private static void Sensitivity(HtmlPage page, ExplorationAnalysis analysis)
    {
        page.Heading(2, "What drives it: sensitivity");
        page.Paragraph(DriversInWords(analysis));
        var tornado = Tornado(analysis);
        if (tornado is not null)
            page.Chart(Charts.Svg(tornado, 1000, 120 + 60 * analysis.Inputs.Count),
                "Partial rank correlation (PRCC) of each input with the outcome, the others held: +1 the outcome always rises with the input, -1 always falls, " +
                "0 no monotone effect. Inputs in order of their effect on the outcome sought; a bar's length is its strength.");
        page.Details("PRCC of every outcome with every input (p-value: the chance of a coefficient this far from 0 if the input had no effect)",
            ["outcome", .. analysis.Inputs.Select(i => i.Name)],
            analysis.Sensitivities.Select(s => (IReadOnlyList<string>)[s.Measure.Title, .. s.ByInput.Select(Coefficient)]));
    }

    /// <summary>The box PRIM found, in words with its limits, how PRIM chose it, and the trade-off it made box by box.</summary>
    private static void Discovery(HtmlPage page, ExplorationAnalysis analysis)
    {
        page.Heading(2, "Where it is likely: scenario discovery (PRIM)");
        page.Paragraph(BoxInWords(analysis));
        if (!analysis.Discoverable) return;
        if (analysis.Restrictions.Count > 0)
            page.Table(["limit", "quasi-p-value"], analysis.Restrictions.Select(r => (IReadOnlyList<string>)[Limit(analysis, r), PValue(r.QuasiP)]));
        var dropped = analysis.ChosenBox.Restricted(analysis.Data).Except(analysis.Described.Restricted(analysis.Data)).Select(j => analysis.Inputs[j].Name).ToList();
        page.Paragraph($"PRIM (Friedman and Fisher's patient rule induction) peels {Percent(ExplorationAnalysis.PeelAlpha)} of the futures at a time off one end " +
            $"of one input, keeping the densest box, until a box would hold less than {Percent(ExplorationAnalysis.MinimumMass)} of them; each box on the way trades " +
            "coverage for density. The box chosen is the one with the best balance of the two (their harmonic mean); the limits kept are those whose quasi-p-value " +
            $"is below {ExplorationAnalysis.Significance.ToString("0.00", Invariant)} (how likely the box's density would be without the limit)" +
            (dropped.Count > 0 ? $"; dropped as not mattering: {string.Join(", ", dropped)}." : "."), "muted");
        page.Chart(Charts.Svg(TradeOff(analysis), 1000, 440),
            "Each box of the peeling trajectory: the share of the futures where the outcome is likely that it holds (coverage) against the share of its futures " +
            "where the outcome is likely (density). The chosen box is circled; the box described (limits that do not matter dropped) is the diamond.");
        page.Details("The peeling trajectory, box by box", ["box", "coverage", "density", "futures", "inputs limited", "limits"],
            analysis.Trajectory.Select((box, i) => (IReadOnlyList<string>)
            [
                i == analysis.Chosen ? $"{i} (chosen)" : i.ToString(Invariant), Round(box.Coverage).ToString("0.000", Invariant),
                Round(box.Density).ToString("0.000", Invariant), box.Points.ToString("N0", Invariant), box.Restricted(analysis.Data).Count.ToString(Invariant),
                string.Join("; ", PatientRuleInduction.Restrictions(analysis.Data, box).Select(r => Limit(analysis, r))),
            ]));
    }

    /// <summary>Each input against how far the outcome went, strongest first; then the inputs that matter most, pair by pair.</summary>
    private static void InputsAgainstOutcome(HtmlPage page, ExplorationAnalysis analysis)
    {
        page.Heading(2, "The inputs against the outcome");
        var excess = Excess(analysis);
        var order = Order(analysis);
        foreach (var j in order)
            page.Chart(Charts.Svg(Scatter(analysis, j, excess), 1000, 300),
                $"{analysis.Inputs[j].Name} against {excess.Title}, each future a point; orange where {analysis.Target.Describe()} is likely.");
        // A scatter matrix of the inputs that matter most (those the box limits first, then the strongest by PRCC): each
        // pair once, so that a breach that needs two inputs at once shows as a corner of orange.
        var matrix = analysis.Restrictions.Select(r => r.Input).Concat(order).Distinct().Take(MatrixInputs).ToList();
        for (var a = 0; a < matrix.Count; a++)
            for (var b = a + 1; b < matrix.Count; b++)
                page.Chart(Charts.Svg(Pair(analysis, matrix[a], matrix[b]), 1000, 480),
                    $"{analysis.Inputs[matrix[a]].Name} against {analysis.Inputs[matrix[b]].Name}, each future a point; orange where {analysis.Target.Describe()} is likely" +
                    (Limits(analysis, matrix[a], matrix[b]) ? "; the rectangle: the box described, on these two inputs." : "."));
    }

    /// <summary>Every future's inputs, whether the box holds it, and the outcomes the charts draw.</summary>
    private static void EveryFuture(HtmlPage page, ExplorationAnalysis analysis)
    {
        var shown = new[] { analysis.TargetSensitivity.Measure, Excess(analysis), analysis.Sensitivities.Single(s => s.Measure.Column == "smuggledH100eMean").Measure };
        page.Details($"Every future ({analysis.Points.Count:N0}; explore.csv has every outcome)", ["future", .. analysis.Inputs.Select(i => i.Name), "in the box", .. shown.Select(m => m.Title)],
            analysis.Points.Select(p => (IReadOnlyList<string>)
            [
                p.Index.ToString(Invariant), .. analysis.Inputs.Select((input, j) => Value(input, p.Values[j])),
                analysis.Restrictions.Count > 0 && analysis.Described.Contains(p.Values) ? "yes" : "",
                .. shown.Select(m => m.IsProbability ? Round(m.Value(p)).ToString("0.###", Invariant) : m.Value(p).ToString("N0", Invariant)),
            ]));
    }

    /// <summary>The --outcome text of a probability column.</summary>
    private static string OptionOf(string column, BreachThresholds thresholds)
    {
        if (column == ExploreTarget.AnyBreach.Column) return ExploreTarget.AnyBreach.Option;
        foreach (var kind in BreachKind.All)
            foreach (var threshold in new double?[] { null }.Concat(thresholds.For(kind).Select(t => (double?)t)))
                if (new ExploreTarget(kind, threshold) is var target && target.Column == column) return target.Option;
        return "";
    }

    /// <summary>Inputs in order of their effect on the outcome sought (unmeasured last, in their own order).</summary>
    private static List<int> Order(ExplorationAnalysis analysis) =>
        analysis.TargetSensitivity.ByInput.Select((r, j) => (r, j)).OrderByDescending(x => x.r.Measured ? Math.Abs(x.r.Value) : -1).ThenBy(x => x.j).Select(x => x.j).ToList();

    /// <summary>
    /// Horizontal bars, an input a row (the strongest effect on the outcome sought at the top), a bar per outcome: the
    /// probability sought, how far it went (the largest excess of its kind) and smuggled H100e.
    /// </summary>
    private static Plot? Tornado(ExplorationAnalysis analysis)
    {
        var excess = Excess(analysis);
        var shown = new[] { analysis.TargetSensitivity, analysis.Sensitivities.Single(s => s.Measure == excess),
                analysis.Sensitivities.Single(s => s.Measure.Column == "smuggledH100eMean") }
            .Where(s => s.ByInput.Any(r => r.Measured)).ToList();
        if (shown.Count == 0) return null;
        var order = Order(analysis);
        var plot = new Plot();
        plot.Title("What drives the outcome: partial rank correlation");
        plot.XLabel("PRCC");
        var rows = order.Count;
        var width = 0.8 / shown.Count;
        var bars = new List<Bar>();
        for (var s = 0; s < shown.Count; s++)
        {
            var color = Charts.Palette[s % Charts.Palette.Count];
            for (var row = 0; row < rows; row++)
            {
                var r = shown[s].ByInput[order[row]];
                // The first input at the top: rows count down the Y axis.
                var position = rows - 1 - row + 0.4 - width * (s + 0.5);
                bars.Add(new Bar { Position = position, Value = r.Measured ? r.Value : 0, Size = width * 0.9, FillColor = color, LineWidth = 0 });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = shown[s].Measure.Title, FillColor = color });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        Charts.CategoryAxis(plot.Axes.Left, order.Select(j => analysis.Inputs[j].Name).Reverse().ToList());
        plot.Axes.SetLimits(-1.05, 1.05, -0.6, rows - 0.4);
        plot.ShowLegend();
        return plot;
    }

    private static readonly Color CaseColor = Charts.Palette[1];
    private static readonly Color OtherColor = Charts.Palette[0].WithAlpha(0.55);

    /// <summary>The points with the outcome sought likely, and the rest, as two series of an x-y chart.</summary>
    private static void CasesAndOthers(Plot plot, ExplorationAnalysis analysis, Func<ExplorePoint, double> x, Func<ExplorePoint, double> y)
    {
        var cases = analysis.Points.Where(analysis.Target.IsCase).ToList();
        var others = analysis.Points.Where(p => !analysis.Target.IsCase(p)).ToList();
        foreach (var (points, color, name) in new[] { (others, OtherColor, "not likely"), (cases, CaseColor, $"{analysis.Target.Describe()} likely") })
        {
            if (points.Count == 0) continue;
            var dots = plot.Add.ScatterPoints(points.Select(x).ToArray(), points.Select(y).ToArray(), color);
            dots.MarkerSize = 4;
            dots.LegendText = name;
        }
        plot.ShowLegend();
    }

    private static Plot Scatter(ExplorationAnalysis analysis, int j, ExploreMeasure measure)
    {
        var plot = new Plot();
        plot.XLabel(analysis.Inputs[j].Name);
        plot.YLabel(measure.IsProbability ? "probability" : "H100e");
        plot.Title($"{analysis.Inputs[j].Name}: {measure.Title}");
        CasesAndOthers(plot, analysis, p => p.Values[j], measure.Value);
        return plot;
    }

    /// <summary>Whether the box described limits either input of a pair: else its rectangle would only frame the chart.</summary>
    private static bool Limits(ExplorationAnalysis analysis, int a, int b) => analysis.Restrictions.Any(r => r.Input == a || r.Input == b);

    private static Plot Pair(ExplorationAnalysis analysis, int a, int b)
    {
        var plot = new Plot();
        plot.XLabel(analysis.Inputs[a].Name);
        plot.YLabel(analysis.Inputs[b].Name);
        plot.Title($"{analysis.Inputs[a].Name} and {analysis.Inputs[b].Name}");
        CasesAndOthers(plot, analysis, p => p.Values[a], p => p.Values[b]);
        if (Limits(analysis, a, b))
        {
            var box = analysis.Described;
            var rectangle = plot.Add.Rectangle(box.Lower[a], box.Upper[a], box.Lower[b], box.Upper[b]);
            rectangle.FillStyle.Color = Colors.Transparent;
            rectangle.LineStyle.Color = Colors.Black;
            rectangle.LineStyle.Width = 2;
        }
        return plot;
    }

    private static Plot TradeOff(ExplorationAnalysis analysis)
    {
        var plot = new Plot();
        plot.Title("PRIM: coverage against density, box by box");
        plot.XLabel("coverage");
        plot.YLabel("density");
        var trajectory = analysis.Trajectory;
        var line = plot.Add.ScatterLine(trajectory.Select(b => b.Coverage).ToArray(), trajectory.Select(b => b.Density).ToArray(), Charts.Palette[0]);
        line.LineWidth = 1.5f;
        line.MarkerSize = 5;
        line.MarkerShape = MarkerShape.FilledCircle;
        line.LegendText = "boxes of the peeling trajectory";
        var chosen = plot.Add.ScatterPoints(new[] { analysis.ChosenBox.Coverage }, new[] { analysis.ChosenBox.Density }, Charts.Palette[1]);
        chosen.MarkerShape = MarkerShape.OpenCircle;
        chosen.MarkerSize = 16;
        chosen.MarkerLineWidth = 2;
        chosen.LegendText = "chosen";
        var described = plot.Add.ScatterPoints(new[] { analysis.Described.Coverage }, new[] { analysis.Described.Density }, Charts.Palette[2]);
        described.MarkerShape = MarkerShape.FilledDiamond;
        described.MarkerSize = 11;
        described.LegendText = "described";
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.05);
        plot.ShowLegend();
        return plot;
    }
}
