using System.Security.Cryptography;
using System.Text.Json;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Reports;

/// <summary>
/// The world a regime ran in: its agent count, the seed generated agents were drawn from, and a hash of every agent
/// as generated (chipmakers, countries, the chip catalogue, data centres and intermediaries, in id order). Two
/// regimes compared in different worlds measure the worlds as well as the regimes.
/// </summary>
public sealed record ComparedWorld(int Agents, ulong WorldSeed, string Hash)
{
    public static ComparedWorld Of(ResolvedScenario scenario, World world)
    {
        var options = new JsonSerializerOptions(ScenarioJson.Write) { WriteIndented = false };
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(object value) => sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options));
        Add(world.Context.Catalogue);
        Add(world.Context.Countries);
        Add(world.Context.Chipmakers);
        Add(world.DataCentreBlocks.SelectMany(b => b.Sites).OrderBy(s => s.Id, StringComparer.Ordinal).ToList());
        Add(world.IntermediaryBlocks.SelectMany(b => b.Members).Select(m => m.Spec).OrderBy(s => s.Id, StringComparer.Ordinal).ToList());
        return new ComparedWorld(world.AgentCount, scenario.Spec.WorldSeed ?? scenario.Spec.Seed, Convert.ToHexStringLower(sha.GetHashAndReset())[..12]);
    }

    public override string ToString() => $"{RunReport.Count(Agents)} agents, world seed {WorldSeed}, world {Hash}";
}
