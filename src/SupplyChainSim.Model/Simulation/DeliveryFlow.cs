using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>Chips of one model delivered into one country in a month, by one seller along one route (and intermediary).</summary>
/// <param name="ValueUsd">What the chips sold for at the catalogue's price (0 for a chip without one).</param>
public sealed record DeliveryFlow(string Country, string ChipModel, string Seller, Route Route, string? Via, long Chips, Tpp Compute, double ValueUsd);
