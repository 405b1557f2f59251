using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace SupplyChainSim.Cli;

/// <summary>The options of `run --dashboard`: where to serve and how fast to step.</summary>
internal sealed class LiveRunOptions
{
    public const int DefaultPort = 8080;
    public static readonly TimeSpan DefaultPace = TimeSpan.FromMilliseconds(500);

    private readonly Option<bool> dashboard = new("--dashboard")
    {
        Description = "Serve the Orleans Dashboard (/dashboard) and a live world page (/) while the run steps, paced so a person can follow; keep serving after the last month until Ctrl+C.",
    };

    private readonly Option<int> port = new("--port")
    {
        Description = "Port for --dashboard (0 picks a free one).",
        DefaultValueFactory = _ => DefaultPort,
        CustomParser = result => ParsePort(result),
    };

    private readonly Option<string> bind = new("--bind")
    {
        Description = "Address for --dashboard to listen on. The dashboard has no authentication: widen it only on a trusted network.",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    // Nullable so that help shows "500ms" in the description rather than a TimeSpan's "00:00:00.5000000" default.
    private readonly Option<TimeSpan?> pace = new("--pace")
    {
        Description = "Wall-clock pause after each month with --dashboard, such as 500ms, 2s or 0 (default 500ms). Results do not depend on it.",
        HelpName = "duration",
        CustomParser = result => ParsePace(result),
    };

    public void AddTo(Command command, Option<int> replications)
    {
        foreach (var option in new Option[] { dashboard, port, bind, pace }) command.Add(option);
        bind.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "localhost" && !IPAddress.TryParse(value, out _)) result.AddError($"--bind: expected an IP address such as 127.0.0.1 or 0.0.0.0, found '{value}'");
            // Kestrel cannot listen on an IPv4 address written as IPv6 (::ffff:a.b.c.d): ask for the IPv4 form.
            else if (IPAddress.TryParse(value, out var address) && address.IsIPv4MappedToIPv6)
                result.AddError($"--bind: '{value}' is an IPv4 address written as IPv6; give it as {address.MapToIPv4()}");
        });
        command.Validators.Add(result =>
        {
            var watching = result.GetValue(dashboard);
            foreach (var option in new Option[] { port, bind, pace })
                if (!watching && result.GetResult(option) is { Implicit: false }) result.AddError($"{option.Name} only applies with --dashboard");
            if (watching && result.GetValue(replications) > 1)
                result.AddError("--dashboard watches a single run; drop --replications (or run the replications without --dashboard)");
        });
    }

    public LiveRequest? Read(ParseResult parse) =>
        parse.GetValue(dashboard) ? new LiveRequest(parse.GetValue(bind)!, parse.GetValue(port), parse.GetValue(pace) ?? DefaultPace) : null;

    /// <summary>A TCP port, 0 to 65535 (0: a free one); a word or a number out of range is named as --port's.</summary>
    internal static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 65535) return value;
        result.AddError($"--port: expected 0 to 65535, found {(long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : $"'{text}'")}");
        return DefaultPort;
    }

    /// <summary>"500ms", "2s", "1.5s", "1m" or "0".</summary>
    internal static TimeSpan ParsePace(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, text == "0" ? 0.0 : double.NaN);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(unit) && value >= 0 && value * unit <= 3_600_000)
            return TimeSpan.FromMilliseconds(value * unit);
        result.AddError($"--pace: expected a duration such as 500ms, 2s or 0 (at most an hour), found '{text}'");
        return DefaultPace;
    }
}
