namespace SupplyChainSim.Model.Agents;

/// <summary>How some of a site's chips were acquired: when they arrived, from whom, through which intermediary, by which route and rule.</summary>
public sealed record AcquisitionLine(string Site, string Month, string Seller, string? Via, string ChipModel, int Chips, double H100e, string Route, string Basis);
