
namespace SupplyChainSim.Runs;

/// <summary>What went wrong on a cluster, said so that the user knows what was lost.</summary>
public static class ClusterFailures
{
    /// <summary>Redis itself: nothing can be checkpointed or restored until it is back, so retrying on the spot is futile.</summary>
    public static bool IsRedis(Exception e) => Chain(e).Any(x => x.GetType().Name.Contains("Redis", StringComparison.Ordinal)
        || x.Message.Contains("Redis", StringComparison.OrdinalIgnoreCase));

    /// <summary>Redis refused to log in: no password, or the wrong one.</summary>
    public static bool IsAuthentication(Exception e) => Chain(e).Any(x => x.Message.Contains("NOAUTH", StringComparison.Ordinal)
        || x.Message.Contains("WRONGPASS", StringComparison.Ordinal) || x.Message.Contains("authentication failure", StringComparison.OrdinalIgnoreCase));

    /// <summary>A port another process took (between picking it free and listening on it).</summary>
    public static bool IsAddressInUse(Exception e) => Chain(e).Any(x => x is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
        || x.Message.Contains("Address already in use", StringComparison.Ordinal));

    /// <summary>The first line of each exception in the chain, without repeats: what a user reads.</summary>
    public static string Describe(Exception e)
    {
        var text = string.Join(": ", Chain(e).Select(x => x.Message.Split('\n')[0].Trim()).Where(m => m.Length > 0).Distinct().Take(3));
        return text.Length <= 400 ? text : text[..400] + "...";
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.Skip(1))
                    yield return inner;
        }
    }
}
