using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Trade;

/// <summary>A lot of chips on the move: shipped by a chipmaker, or forwarded by an intermediary (<see cref="Via"/>).</summary>
/// <param name="ExportedUnder">The rule the export went out under.</param>
/// <param name="Exported">The month the export was decided: the year an exemption's ledger counts the lot in.</param>
public sealed record Lot(
    string Id,
    string Buyer,
    string Consignee,
    AgentAddress ReplyTo,
    string DestinationCountry,
    string Seller,
    string? Via,
    string ChipModel,
    int Chips,
    Route Route,
    YearMonth Shipped,
    LicenceConditions Conditions,
    RuleId ExportedUnder,
    YearMonth Exported)
{
    /// <summary>Where the consignee's owner is headquartered (the destination unless it says otherwise).</summary>
    public string? OwnerHeadquarters { get; init; }

    /// <summary>The order this lot was made for, as far as a lot can tell (for notices about it).</summary>
    public Order AsOrder(YearMonth month) =>
        new(Buyer, Consignee, Buyer, ReplyTo, DestinationCountry, OwnerHeadquarters ?? DestinationCountry, Seller, ChipModel, Chips, month) { Named = Id };
}
