using System.Globalization;
using System.Text.Json.Serialization;
using MathNet.Numerics.Distributions;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// A number in a scenario file that may be drawn at random when agents are generated: a plain number is a constant;
/// an object names a MathNet.Numerics distribution and its parameters, for example
/// <c>{ "dist": "logNormal", "mu": 6.2, "sigma": 1.1 }</c>.
/// </summary>
[JsonConverter(typeof(DistributionJsonConverter))]
public sealed record Distribution
{
    public static readonly IReadOnlyDictionary<string, string[]> Parameters = new Dictionary<string, string[]>
    {
        ["constant"] = ["value"],
        ["uniform"] = ["min", "max"],
        ["normal"] = ["mean", "stdDev"],
        ["logNormal"] = ["mu", "sigma"],
        ["gamma"] = ["shape", "rate"],
        ["pareto"] = ["scale", "shape"],
        ["triangular"] = ["min", "max", "mode"],
    };

    public required string Dist { get; init; }

    /// <summary>The parameters, by the names in <see cref="Parameters"/>.</summary>
    public required IReadOnlyDictionary<string, double> With { get; init; }

    /// <summary>Draws are clamped to at least this (a count or a size is never negative).</summary>
    public double Minimum { get; init; }

    public static Distribution Constant(double value) => new() { Dist = "constant", With = new Dictionary<string, double> { ["value"] = value } };

    public double Sample(Random random)
    {
        double P(string name) => With[name];
        var draw = Dist switch
        {
            "constant" => P("value"),
            "uniform" => ContinuousUniform.Sample(random, P("min"), P("max")),
            "normal" => Normal.Sample(random, P("mean"), P("stdDev")),
            "logNormal" => LogNormal.Sample(random, P("mu"), P("sigma")),
            "gamma" => Gamma.Sample(random, P("shape"), P("rate")),
            "pareto" => Pareto.Sample(random, P("scale"), P("shape")),
            "triangular" => Triangular.Sample(random, P("min"), P("max"), P("mode")),
            _ => throw new InvalidOperationException($"unknown distribution '{Dist}'"),
        };
        return Math.Max(Minimum, draw);
    }

    /// <summary>
    /// The value below which a share <paramref name="p"/> (0 to 1, both excluded) of the draws fall, raised to
    /// <see cref="Minimum"/> like a draw: what Latin hypercube sampling turns its stratified uniforms into.
    /// </summary>
    public double Quantile(double p)
    {
        double P(string name) => With[name];
        var value = Dist switch
        {
            "constant" => P("value"),
            "uniform" => ContinuousUniform.InvCDF(P("min"), P("max"), p),
            "normal" => Normal.InvCDF(P("mean"), P("stdDev"), p),
            "logNormal" => LogNormal.InvCDF(P("mu"), P("sigma"), p),
            "gamma" => Gamma.InvCDF(P("shape"), P("rate"), p),
            "pareto" => Pareto.InvCDF(P("scale"), P("shape"), p),
            "triangular" => Triangular.InvCDF(P("min"), P("max"), P("mode"), p),
            _ => throw new InvalidOperationException($"unknown distribution '{Dist}'"),
        };
        return Math.Max(Minimum, value);
    }

    /// <summary>A draw rounded to a whole number of at least 1: for counts and month intervals.</summary>
    public int SampleCount(Random random) => Math.Max(1, (int)Math.Round(Sample(random), MidpointRounding.AwayFromZero));

    /// <summary>Checks the parameters a distribution needs are there and make sense; null when they do.</summary>
    public string? Problem() => Problems(DrawRange.Any, explicitMinimum: false).Select(p => p.Message).FirstOrDefault();

    /// <summary>The largest sigma of a logNormal: e^(10 x 8.6) is the most a draw can be multiplied by (8.6 standard
    /// deviations is as far as a double's uniform draw reaches).</summary>
    public const double MaxSigma = 10;

    /// <summary>The largest shape of a gamma or a pareto: beyond it the draws are all but constant.</summary>
    public const double MaxShape = 1_000_000;

    /// <summary>
    /// What is wrong with this distribution for a key whose values must lie in <paramref name="range"/>: parameters
    /// missing, unknown or contradicting each other, or such that it would draw values out of the key's range,
    /// infinite or absurd. Each comes with the parameter it is about (null: the distribution as a whole). Draws below
    /// the range are clamped to <see cref="Minimum"/> (0 unless given), so only bounded distributions must start
    /// inside it; unbounded ones (normal, logNormal, gamma, pareto) must centre inside it, and the world builder checks
    /// each draw against the range's top.
    /// </summary>
    public IEnumerable<(string? Parameter, string Message)> Problems(DrawRange range, bool explicitMinimum)
    {
        if (!Parameters.TryGetValue(Dist, out var names))
        {
            yield return (null, $"expected \"dist\" to be one of {string.Join(", ", Parameters.Keys.Select(k => $"\"{k}\""))}, found \"{Dist}\"");
            yield break;
        }
        var missing = names.Where(n => !With.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            yield return (null, $"a {Dist} distribution needs {string.Join(", ", missing.Select(n => $"\"{n}\""))}");
            yield break;
        }
        var extra = With.Keys.Where(k => !names.Contains(k)).ToList();
        if (extra.Count > 0)
        {
            yield return (null, $"a {Dist} distribution takes only {string.Join(", ", names.Select(n => $"\"{n}\""))}, found \"{extra[0]}\"");
            yield break;
        }
        var relation = Dist switch
        {
            "uniform" when With["min"] > With["max"] => "expected min <= max",
            "normal" when With["stdDev"] < 0 => "expected stdDev >= 0",
            "logNormal" when With["sigma"] < 0 => "expected sigma >= 0",
            "gamma" when With["shape"] <= 0 || With["rate"] <= 0 => "expected shape > 0 and rate > 0",
            "pareto" when With["scale"] <= 0 || With["shape"] <= 0 => "expected scale > 0 and shape > 0",
            "triangular" when !(With["min"] <= With["mode"] && With["mode"] <= With["max"] && With["min"] < With["max"]) =>
                "expected min <= mode <= max and min < max",
            _ => null,
        };
        if (relation is not null)
        {
            yield return (null, relation);
            yield break;
        }

        var (low, high) = (range.Minimum, range.Maximum);
        static string N(double value) =>
            Math.Abs(value) < 1e15 && value == Math.Floor(value) ? ScenarioLimits.Format(value) : value.ToString("G6", CultureInfo.InvariantCulture);
        (string, string)? Outside(string parameter, double value, double from, double to, string why = "") =>
            value >= from && value <= to ? null : (parameter, $"expected {N(from)} to {N(to)}{why}, found {N(value)}");
        (string, string)? InKeyRange(string parameter) =>
            range.Contains(With[parameter]) ? null : (parameter, $"expected {range.Description}, found {N(With[parameter])}");

        if (explicitMinimum && !(Minimum >= Math.Min(low, 0) && Minimum <= high))
            yield return ("minimum", $"expected {N(Math.Min(low, 0))} to {N(high)} (draws below it are raised to it), found {N(Minimum)}");
        (string, string)?[] checks = Dist switch
        {
            "constant" => [InKeyRange("value")],
            "uniform" => [Outside("min", With["min"], low, high, $" ({range.Description})"), Outside("max", With["max"], low, high, $" ({range.Description})")],
            "triangular" => [Outside("min", With["min"], low, high, $" ({range.Description})"), Outside("max", With["max"], low, high, $" ({range.Description})")],
            "normal" => [Outside("mean", With["mean"], low, high, $" ({range.Description})"), Outside("stdDev", With["stdDev"], 0, high - low, " (the width of the key's range)")],
            "logNormal" => [Outside("mu", With["mu"], -100, Math.Log(high), $" (the median e^mu must be at most {N(high)})"), Outside("sigma", With["sigma"], 0, MaxSigma)],
            "gamma" => [Outside("shape", With["shape"], 0.001, MaxShape), With["shape"] / With["rate"] <= high ? null
                : ((string, string)?)("rate", $"expected a mean (shape / rate) of at most {N(high)}, found {N(With["shape"] / With["rate"])}")],
            "pareto" => [Outside("scale", With["scale"], Math.Max(low, double.Epsilon), high, $" (the smallest draw; {range.Description})"),
                Outside("shape", With["shape"], 1, MaxShape, " (below 1 its mean is infinite)")],
            _ => [],
        };
        foreach (var check in checks)
            if (check is { } problem) yield return problem;
    }
}
