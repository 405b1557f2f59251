using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>Small worlds whose every month can be worked out by hand.</summary>
public static class TestWorlds
{
    /// <summary>
    /// One US site buying 25 H100e of H100s in orders of 10; one Chinese site that buys nothing itself; a Singapore
    /// intermediary whose shells buy 10 H100s a month and forward them to the Chinese site a month later.
    /// Lead time 0, so a lot arrives the month it is made.
    /// </summary>
    public const string HandComputed = """
        {
          // comments are allowed
          "formatVersion": 1,
          "name": "hand-computed",
          "seed": 1,
          "start": "2024-01",
          "months": 6,
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H100-SXM": 1000, "H20": 1000 } } ],
          "dataCentres": {
            "sites": [
              { "id": "us-site", "country": "US", "chipModel": "H100-SXM", "targetH100e": 25, "orderSizeH100e": 10, "orderEveryMonths": 1 },
              { "id": "cn-site", "country": "CN", "owner": "CN Lab", "chipModel": "H20", "targetH100e": 0 }
            ]
          },
          "intermediaries": {
            "list": [
              { "id": "sg-broker", "hub": "SG", "shells": 2, "buyer": "cn-site", "chipModel": "H100-SXM", "chipsPerOrder": 10, "delayMonths": 1 }
            ]
          }
        }
        """;

    public static World Build(string json, int poolSize = WorldBuilder.DefaultPoolSize) =>
        WorldBuilder.Build(ScenarioLoader.Parse(json), poolSize);

    public static Task<RunResults> Run(string json, int poolSize = WorldBuilder.DefaultPoolSize) =>
        InMemoryWorldHosts.RunAsync(Build(json, poolSize));

    public static async Task<IReadOnlyDictionary<string, byte[]>> Files(World world) =>
        ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));
}
