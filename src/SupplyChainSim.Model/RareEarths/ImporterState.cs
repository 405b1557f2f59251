
namespace SupplyChainSim.Model.RareEarths;

public sealed class ImporterState
{
    public double Stock { get; set; }

    public double Alternative { get; set; }

    public double Pressure { get; set; }
}
