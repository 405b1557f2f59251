using SupplyChainSim.Reports;

namespace SupplyChainSim.Reports.Tests;

public class ChartTests
{
    [Fact]
    public void Spike()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 4, 5, 2 });
        plot.Title("Installed H100e");
        plot.XLabel("month");
        var svg = Charts.Svg(plot, 600, 300);
        File.WriteAllText("/tmp/spike.svg", svg);
        Assert.Contains("<svg", svg);
    }
}
