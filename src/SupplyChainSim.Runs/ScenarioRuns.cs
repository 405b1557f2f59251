using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Runs;

/// <summary>What every run of a scenario starts from: its world, and the key its grains go under.</summary>
public static class ScenarioRuns
{
    private static int runs;

    /// <summary>Builds the world; what only building finds (a buyer no generator makes) is placed in the files too.</summary>
    public static World Build(ResolvedScenario scenario, int poolSize, Placement placement = Placement.Pooled)
    {
        try
        {
            return WorldBuilder.Build(scenario, poolSize, placement);
        }
        catch (ScenarioException e)
        {
            throw ScenarioLoader.Locate(e, scenario);
        }
    }

    /// <summary>Grain keys of a run: unique on this process's own silo, and never part of any output.</summary>
    public static string Key(ResolvedScenario scenario) => GrainKeys.Run(scenario.Spec.Name, scenario.Spec.Seed, Interlocked.Increment(ref runs));
}
