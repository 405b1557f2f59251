using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Trade;

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
