namespace SupplyChainSim.Model.Scenarios;

/// <summary>One thing a file's JSON gets wrong against its schema, at its JSON path.</summary>
public sealed record SchemaProblem(string Path, string Message, bool IsUnknownKey = false, bool IsWarning = false);
