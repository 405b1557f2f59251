using System.Text.Json.Serialization;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Chips;

/// <summary>One accelerator model as the export rules see it: its TPP, die area and maker.</summary>
public sealed record ChipSpec
{
    public required string Model { get; init; }

    public required string Maker { get; init; }

    /// <summary>Dense TPP, the maximum over bit lengths.</summary>
    [ValueRange(1, ScenarioLimits.ChipTpp)]
    public required double Tpp { get; init; }

    /// <summary>Logic die area in mm2 (HBM excluded); null where unpublished.</summary>
    [ValueRange(0, 100_000, AboveMinimum = true)]
    public double? DieAreaMm2 { get; init; }

    [ValueRange(0, ScenarioLimits.UnitPriceUsd)]
    public double? UnitPriceUsd { get; init; }

    /// <summary>Total DRAM (HBM) bandwidth in GB/s; null where unpublished. The 2026 H200 window tests it.</summary>
    [ValueRange(0, 1_000_000, AboveMinimum = true)]
    public double? MemoryBandwidthGBs { get; init; }

    /// <summary>The first month the chip shipped: no chipmaker makes it, and no buyer orders it, before then.</summary>
    public Units.YearMonth? AvailableFrom { get; init; }

    /// <summary>The last month the chip could be ordered (its maker stopped making it): no buyer orders it after then.</summary>
    public Units.YearMonth? AvailableUntil { get; init; }

    /// <summary>Whether the chip can be ordered in <paramref name="month"/>: shipping, and not yet discontinued.</summary>
    public bool OnSale(Units.YearMonth month) => (AvailableFrom is null || AvailableFrom <= month) && (AvailableUntil is null || month <= AvailableUntil);

    /// <summary>The chip's architecture ("Hopper", "Blackwell"): the grey market prices each generation it trades.</summary>
    public string? Generation { get; init; }

    /// <summary>Chips in the unit it is sold as: 8 in an HGX server, 72 in an NVL72 rack, 1 for a card.</summary>
    [ValueRange(1, 1000)]
    public int ChipsPerUnit { get; init; } = 1;

    /// <summary>Fields whose figure is a placeholder chosen by the model, not a published one (for example "tpp").</summary>
    public IReadOnlyList<string> Placeholders { get; init; } = [];

    public string Source { get; init; } = "";

    [JsonIgnore]
    public Tpp TppPerChip => Units.Tpp.FromTpp(Tpp);

    /// <summary>Performance density: TPP per mm2 of die; null where the die area is unpublished.</summary>
    [JsonIgnore]
    public double? PerformanceDensity => DieAreaMm2 is > 0 ? Tpp / DieAreaMm2 : null;
}
