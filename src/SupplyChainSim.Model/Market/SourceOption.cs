namespace SupplyChainSim.Model.Market;

/// <summary>A source open to a lab this month: what it is, what an H100e of work from it costs a month, and what an H100e of it does.</summary>
/// <param name="ChipModel">The chip bought (none for rented compute).</param>
/// <param name="Generation">For smuggled chips: the grey market's generation.</param>
/// <param name="Performance">Work per H100e: the chip's performance against its TPP, or the remote discount.</param>
public sealed record SourceOption(SourceKind Kind, string? ChipModel, string? Generation, double CostPerMonth, double Performance);
