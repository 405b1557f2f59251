using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SupplyChainSim.Cli;

/// <summary>The progress bar's replications per second since the work started.</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.ElapsedTime is { } elapsed ? Text((int)task.Value, elapsed) : "", new Style(Color.Grey));

    public static string Text(int replications, TimeSpan elapsed) =>
        $"{(elapsed.TotalSeconds > 0 ? replications / elapsed.TotalSeconds : 0).ToString("0.0", CultureInfo.InvariantCulture)} replications/s";
}
