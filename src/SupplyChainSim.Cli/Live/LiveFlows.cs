
namespace SupplyChainSim.Cli.Live;

public sealed record LiveFlows(double LicensedH100e, double ExemptH100e, double SmuggledH100e, double DeniedH100e, double SeizedH100e);
