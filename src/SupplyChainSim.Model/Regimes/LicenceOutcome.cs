namespace SupplyChainSim.Model.Regimes;

public enum LicenceOutcome
{
    Approved,
    Denied,
    Exempt,
    Notified,
}
