using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Randomness;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>What a regime needs to know about an order to decide it, and the destination's ledger to count it in.</summary>
public sealed record LicenceRequest(
    Order Order,
    ChipSpec Chip,
    ChipmakerSpec Seller,
    CountrySpec Destination,
    CountrySpec OwnerHeadquarters,
    YearMonth Month,
    DestinationLedger Ledger)
{
    /// <summary>Chips of each model approved for the United States so far in the run (a window may cap exports elsewhere
    /// at a share of them).</summary>
    public IReadOnlyDictionary<string, long> UsBoundChips { get; init; } = new Dictionary<string, long>();

    /// <summary>The run's random streams, for the rules that decide by chance (a buyer discouraged, not forbidden).</summary>
    public RandomStreams? Streams { get; init; }

    /// <summary>Consignees on the Entity List as of the month (those the month's orders name), for <see cref="Rules.EntityListDenial"/>.</summary>
    public IReadOnlySet<string> EntityListed { get; init; } = NoneListed;

    private static readonly IReadOnlySet<string> NoneListed = new HashSet<string>();

    public Tpp Compute => Chip.TppPerChip * Order.Chips;

    public ExportClass ExportClass => Eccn3A090.Classify(Chip);

    public bool Controlled => ExportClass != ExportClass.NotControlled;

    /// <summary>Whether the sale is a US export at all: chips subject to the EAR leaving the seller's country. Conditions
    /// of US exemptions attach only to exports.</summary>
    public bool IsExport => Seller.IsSubjectToEar && Seller.Country != Destination.Code;

    /// <summary>Country Group D:5 plus Macau, or an entity headquartered there.</summary>
    public bool ToD5 => Destination.IsD5 || OwnerHeadquarters.IsD5;

    /// <summary>The decision <paramref name="rule"/> takes on this order, and why (what it found).</summary>
    public LicenceDecision Decide(RuleId rule, LicenceOutcome outcome, string finding) => new(Order, outcome, rule, new DecisionReason(finding)) { Compute = Compute };

    /// <summary>A uniform draw in [0,1) keyed by this order and <paramref name="purpose"/>; 0 without streams (every chance taken).</summary>
    public double Draw(string purpose) => Streams?.Uniform(Order.Id, Month.Index, purpose) ?? 0;

    /// <summary>
    /// A request for <paramref name="chips"/> of <paramref name="chip"/> bought by <paramref name="buyer"/> in
    /// <paramref name="destination"/>: for rule tests and for asking the rules about a shipment that has no order.
    /// </summary>
    public static LicenceRequest For(ChipSpec chip, ChipmakerSpec seller, CountrySpec destination, int chips, YearMonth month,
        string buyer = "buyer", string? owner = null, CountrySpec? headquarters = null, DestinationLedger? ledger = null) =>
        new(new Order(buyer, buyer, owner ?? buyer, default, destination.Code, (headquarters ?? destination).Code,
                seller.Id, chip.Model, chips, month),
            chip, seller, destination, headquarters ?? destination, month, ledger ?? new DestinationLedger());
}
