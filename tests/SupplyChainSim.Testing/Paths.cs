namespace SupplyChainSim.Testing;

/// <summary>Finds the repository's files from the test's output folder.</summary>
public static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SupplyChainSim.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("cannot find SupplyChainSim.sln above " + AppContext.BaseDirectory);
    }
}
