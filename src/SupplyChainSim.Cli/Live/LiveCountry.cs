
namespace SupplyChainSim.Cli.Live;

/// <param name="UnauthorisedH100e">What the country's clusters hold beyond the rules at the month's end (each cluster's largest excess).</param>
public sealed record LiveCountry(string Code, string Name, int Tier, double InstalledH100e, double LicensedH100e, double ExemptH100e,
    double SmuggledH100e, double DeniedH100e, double LargestClusterH100e, int Breaches, double UnauthorisedH100e);
