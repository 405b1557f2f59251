using SupplyChainSim.Reports;

namespace SupplyChainSim.Runs;

/// <summary>What <see cref="RegimeRuns"/> tells whoever watches, as it goes (calls may come from several threads at once).</summary>
public interface IRegimeProgress
{
    /// <summary>The <paramref name="index"/>-th regime's replications start.</summary>
    void Starting(RegimeRun run, int index);

    /// <summary>A replication of a regime under way has finished.</summary>
    void Replicated();

    /// <summary>The <paramref name="index"/>-th regime has finished, every replication of it.</summary>
    void Finished(RegimeOutcome row, int index);
}
