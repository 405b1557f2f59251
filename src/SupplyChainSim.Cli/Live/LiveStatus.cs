
namespace SupplyChainSim.Cli.Live;

public static class LiveStatus
{
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";
}
