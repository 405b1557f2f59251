
namespace SupplyChainSim.Cli.Live;

public sealed record LiveMonth(string Month, double LicensedH100e, double ExemptH100e, double SmuggledH100e, double PeakShortage, int BreachesSoFar);
