namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// A coordinator asked to go on with a run it does not hold: the run ended and was cleared, it never began under this
/// key, or its stored state is gone (a Redis restarted without its data). Retrying cannot help, so a client stops at once.
/// </summary>
[GenerateSerializer, Alias("scs.run-not-in-progress")]
public sealed class RunNotInProgressException : Exception
{
    public RunNotInProgressException()
    {
    }

    public RunNotInProgressException(string message) : base(message)
    {
    }

    public RunNotInProgressException(string message, Exception inner) : base(message, inner)
    {
    }
}
