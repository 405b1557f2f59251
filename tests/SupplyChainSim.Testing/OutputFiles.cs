using Xunit;

namespace SupplyChainSim.Testing;

/// <summary>Output sets compared byte for byte, by file name.</summary>
public static class OutputFiles
{
    /// <summary>The same files, each the same bytes; a difference names the file and shows both texts.</summary>
    public static void AssertSame(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var name in expected.Keys)
            if (!expected[name].AsSpan().SequenceEqual(actual[name]))
                Assert.Fail($"{name} differs:\n{System.Text.Encoding.UTF8.GetString(expected[name])}\n---\n{System.Text.Encoding.UTF8.GetString(actual[name])}");
    }
}
