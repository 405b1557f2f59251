namespace SupplyChainSim.Model.Scenarios;

/// <summary>Did-you-mean suggestions for a name that is not known: the scenario checks, the rules' own checks and the command line make them alike.</summary>
public static class Misspelling
{
    /// <summary>
    /// "; did you mean "x"?" for the closest known name: one that starts with what was typed first (H100 is
    /// H100-SXM), else the nearest by edit distance, if near enough (or always, for chip models).
    /// </summary>
    public static string DidYouMean(string typed, IEnumerable<string> known, bool always = false) =>
        Closest(typed, known, always) is { } closest ? $"; did you mean \"{closest}\"?" : "";

    /// <summary>The known name <paramref name="typed"/> most likely meant, as <see cref="DidYouMean"/> suggests it; null when none is near.</summary>
    public static string? Closest(string typed, IEnumerable<string> known, bool always = false)
    {
        var names = known.ToList();
        var lower = typed.ToLowerInvariant();
        var prefixed = names.Where(k => lower.Length >= 2 && k.ToLowerInvariant().StartsWith(lower, StringComparison.Ordinal))
            .OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        if (prefixed is not null) return prefixed;
        var (nearest, distance) = names.Select(k => (k, d: Distance(k.ToLowerInvariant(), lower)))
            .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal).FirstOrDefault();
        return nearest is not null && (always || distance <= Math.Max(2, typed.Length / 3)) ? nearest : null;
    }

    /// <summary>Levenshtein distance, for did-you-mean suggestions.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
