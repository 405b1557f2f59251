namespace SupplyChainSim.Model.Agents;

/// <summary>The Entity List so far: the shells listed (cut at <see cref="AgentViews.MaxLines"/>) and the month each intermediary was first caught.</summary>
public sealed record EntityListView(int ShellsListed, IReadOnlyList<string> Shells, IReadOnlyDictionary<string, string> FirstCaught);
