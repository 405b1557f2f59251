using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace SupplyChainSim.Model.Randomness;

/// <summary>
/// Independent random streams keyed by (scenario seed, agent, month, purpose). A draw never depends on which other
/// draws happened before it, on message order, on threads or on how agents are spread over silos.
/// </summary>
public sealed class RandomStreams(ulong seed)
{
    public ulong Seed { get; } = seed;

    public StreamRandom For(string agent, int month, string purpose) => new(Key(Seed, agent, month, purpose));

    /// <summary>One uniform draw in [0,1) from its own stream: for a single Bernoulli trial per key.</summary>
    public double Uniform(string agent, int month, string purpose) => For(agent, month, purpose).NextDouble();

    internal static ulong Key(ulong seed, string agent, int month, string purpose)
    {
        var hash = new XxHash64();
        Span<byte> head = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(head, seed);
        BinaryPrimitives.WriteInt32LittleEndian(head[8..], month);
        hash.Append(head);
        hash.Append(Encoding.UTF8.GetBytes(agent));
        hash.Append([0]); // separator: ("ab","c") and ("a","bc") must differ
        hash.Append(Encoding.UTF8.GetBytes(purpose));
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The seed of replication <paramref name="replication"/> of a scenario seeded <paramref name="seed"/>.</summary>
    public static ulong ReplicationSeed(ulong seed, int replication) =>
        replication == 0 ? seed : Key(seed, "replication", replication, "seed");
}
