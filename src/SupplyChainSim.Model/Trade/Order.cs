using System.Text.Json.Serialization;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Trade;

/// <summary>
/// An order for a lot of one chip model. <see cref="Buyer"/> is the agent that placed it; <see cref="Consignee"/> is the
/// name on the paperwork (the data centre itself, or one of an intermediary's shell companies).
/// </summary>
public sealed record Order(
    string Buyer,
    string Consignee,
    string Owner,
    AgentAddress ReplyTo,
    string DestinationCountry,
    string OwnerHeadquarters,
    string Seller,
    string ChipModel,
    int Chips,
    YearMonth Month)
{
    /// <summary>
    /// The order's name: its consignee and month ("dc-7@2025-03"), since a consignee orders at most once a month; an order
    /// rebuilt from a lot is named by the lot (<see cref="Named"/>). The name is made when asked for rather than held,
    /// because a chipmaker's book can hold millions of orders.
    /// </summary>
    [JsonIgnore]
    public string Id => Named ?? NameOf(Consignee, Month);

    /// <summary>A name other than the consignee and month: the lot's, for an order rebuilt from a lot.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Named { get; init; }

    /// <summary>The buyer's class where its government's guidance tells classes apart ("state-linked", "private").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BuyerClass { get; init; }

    /// <summary>The name of the order <paramref name="consignee"/> placed in <paramref name="month"/>.</summary>
    public static string NameOf(string consignee, YearMonth month) => $"{consignee}@{month}";
}
