namespace SupplyChainSim.Runs;

/// <summary>
/// The passwords this process was given (the cluster's Redis password): every line it prints goes through
/// the command line's TerminalText.Safe, which shows each of them as *** should a message from a library ever carry one, and
/// shows as password=*** any connection string's password it echoes (a mistyped option's value, say).
/// </summary>
public static class Secrets
{
    private static readonly List<string> Hidden = [];

    public static void Hide(string secret)
    {
        lock (Hidden)
            if (secret.Length > 0 && !Hidden.Contains(secret)) Hidden.Add(secret);
    }

    /// <summary>Hides the password of a StackExchange.Redis connection string, if it has one.</summary>
    public static void HideIn(string connection)
    {
        try
        {
            if (StackExchange.Redis.ConfigurationOptions.Parse(connection).Password is { Length: > 0 } password) Hide(password);
        }
        catch (ArgumentException)
        {
            // Not a connection string: nothing in it is taken as a password.
        }
    }

    public static string Redact(string text)
    {
        lock (Hidden)
            foreach (var secret in Hidden)
                text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text.Contains("password", StringComparison.OrdinalIgnoreCase) ? ClusterConnection.WithoutPassword(text, "***") : text;
    }
}
