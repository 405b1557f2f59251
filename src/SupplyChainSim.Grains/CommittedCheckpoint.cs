
namespace SupplyChainSim.Grains;

/// <summary>How many months the last whole checkpoint of a durable run holds: written last, so a checkpoint is whole once it is.</summary>
[GenerateSerializer, Alias("scs.committed-checkpoint")]
public sealed class CommittedCheckpoint
{
    [Id(0)]
    public int MonthsDone { get; set; }
}
