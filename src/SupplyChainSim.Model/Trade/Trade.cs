using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Trade;

/// <summary>How chips reached their holder: under a licence, without one (exempt, notified or not controlled), or diverted.</summary>
public enum Route
{
    Licensed,
    Exempt,
    Smuggled,
}

public enum AgentKind
{
    DataCentre,
    Intermediary,
}

/// <summary>Where replies about an order go: the block of agents its buyer lives in.</summary>
public readonly record struct AgentAddress(AgentKind Kind, int Block);

/// <summary>
/// An order for a lot of one chip model. <see cref="Buyer"/> is the agent that placed it; <see cref="Consignee"/> is the
/// name on the paperwork (the data centre itself, or one of an intermediary's shell companies).
/// </summary>
public sealed record Order(
    string Id,
    string Buyer,
    string Consignee,
    string Owner,
    AgentAddress ReplyTo,
    string DestinationCountry,
    string OwnerHeadquarters,
    string Seller,
    string ChipModel,
    int Chips,
    YearMonth Month);

/// <summary>A lot of chips on the move: shipped by a chipmaker, or forwarded by an intermediary (<see cref="Via"/>).</summary>
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
    string Basis,
    YearMonth Exported)
{
    /// <summary>Where the consignee's owner is headquartered (the destination unless it says otherwise).</summary>
    public string? OwnerHeadquarters { get; init; }

    /// <summary>The order this lot was made for, as far as a lot can tell (for notices about it).</summary>
    public Order AsOrder(YearMonth month) =>
        new(Id, Buyer, Consignee, Buyer, ReplyTo, DestinationCountry, OwnerHeadquarters ?? DestinationCountry, Seller, ChipModel, Chips, month);
}

/// <summary>Provenance: how some of a site's chips were acquired. A cluster's acquisitions add up to its size.</summary>
/// <param name="Month">The month the chips arrived at the site.</param>
/// <param name="Basis">The rule the export went out under (for example "lpp-exemption" or "3A090-NLR").</param>
public sealed record Acquisition(
    YearMonth Month, string Seller, string? Via, string ChipModel, int Chips, Tpp Compute, Route Route, bool NoClustering = false, string Basis = "")
{
    /// <summary>The month the export was decided, which is the year an exemption's ledger counted it in.</summary>
    public YearMonth Exported { get; init; }

    /// <summary>
    /// For diverted chips that the regime in force when they were exported would have refused to send to this holder
    /// directly: the rule that would have refused them. Such chips are unlawful compute wherever they are linked.
    /// </summary>
    public string? DeniedDirectlyBy { get; init; }

    public bool Unlawful => DeniedDirectlyBy is not null;
}

/// <summary>A count of chips and the compute they carry.</summary>
public readonly record struct Flow(long Chips, Tpp Compute)
{
    public static readonly Flow None = new(0, Tpp.Zero);

    public static Flow operator +(Flow a, Flow b) => new(a.Chips + b.Chips, a.Compute + b.Compute);
}
