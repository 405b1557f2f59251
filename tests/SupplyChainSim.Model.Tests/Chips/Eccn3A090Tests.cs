using SupplyChainSim.Model.Chips;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

public class Eccn3A090Tests
{
    private static readonly ChipCatalogue Catalogue = ScenarioLoader.BuiltIn.Catalogue;

    [Theory]
    [InlineData("H100-SXM", ExportClass.Eccn3A090a)]
    [InlineData("H200-SXM", ExportClass.Eccn3A090a)]
    [InlineData("A100-SXM", ExportClass.Eccn3A090a)]
    [InlineData("B200", ExportClass.Eccn3A090a)]
    [InlineData("MI300X", ExportClass.Eccn3A090a)]
    [InlineData("H20", ExportClass.NotControlled)]
    [InlineData("L20", ExportClass.NotControlled)]
    [InlineData("MI308X", ExportClass.NotControlled)]
    public void The_catalogue_classifies_as_DOMAIN_section_2_derives(string model, ExportClass expected) =>
        Assert.Equal(expected, Eccn3A090.Classify(Catalogue[model]));

    [Theory]
    [InlineData(4800, null, ExportClass.Eccn3A090a)]
    [InlineData(4799, 5.0, ExportClass.Eccn3A090b)] // 2,400 <= TPP < 4,800 with 1.6 <= PD < 5.92
    [InlineData(1600, 5.92, ExportClass.Eccn3A090a)] // TPP >= 1,600 and PD >= 5.92
    [InlineData(1600, 3.2, ExportClass.Eccn3A090b)]  // TPP >= 1,600 with 3.2 <= PD < 5.92
    [InlineData(1600, 3.19, ExportClass.NotControlled)]
    [InlineData(2400, 1.6, ExportClass.Eccn3A090b)]
    [InlineData(2399, 1.6, ExportClass.NotControlled)]
    [InlineData(1599, 30.0, ExportClass.NotControlled)]
    public void Thresholds_sit_where_the_rule_text_puts_them(double tpp, double? density, ExportClass expected) =>
        Assert.Equal(expected, Eccn3A090.Classify(tpp, density));

    [Fact]
    public void H100_performance_density_is_19_4() => Assert.Equal(19.4, Math.Round(Catalogue["H100-SXM"].PerformanceDensity!.Value, 1));
}
