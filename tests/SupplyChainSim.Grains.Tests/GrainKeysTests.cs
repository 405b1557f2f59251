using SupplyChainSim.Grains.Abstractions;

namespace SupplyChainSim.Grains.Tests;

/// <summary>The key grammar, read back: placement finds a replication's silo in the keys of all its grains.</summary>
public class GrainKeysTests
{
    [Fact]
    public void Every_grain_of_a_replication_kept_on_a_silo_names_that_silo_and_the_grains_of_other_runs_name_none()
    {
        var run = GrainKeys.Attempt(GrainKeys.OnSilo(7, GrainKeys.Run("piecemeal-2025", 42, 3), "host.123.456"), 2);
        Assert.Equal("silo-7.piecemeal-2025-42-3.host.123.456.2", run);
        Assert.All(new[] { run, GrainKeys.Country(run, "CN"), GrainKeys.RunContext(run), GrainKeys.EntityList(run) },
            key => Assert.Equal(7, GrainKeys.SiloIndex(key)));

        var spread = GrainKeys.Run("silo-failover", 1);
        Assert.Null(GrainKeys.SiloIndex(GrainKeys.Country(spread, "CN")));
        Assert.Null(GrainKeys.SiloIndex("silo-x.run/country/CN"));
    }

    [Fact]
    public void A_run_context_key_gives_back_its_run()
    {
        var run = GrainKeys.Run("baseline-2023", 2023);
        Assert.Equal(run, GrainKeys.RunOfContext(GrainKeys.RunContext(run)));
    }
}
