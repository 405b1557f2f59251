using System.Globalization;
using System.Text;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

/// <summary>
/// Text from scenario files and the command line (site, owner and scenario names, values, tokens) on its way to a
/// terminal. A name carrying an escape sequence could clear the screen, retitle the window or hide what follows, so
/// every line the command prints goes through <see cref="Safe"/>: control characters (and the invisible bidirectional
/// overrides) are shown as \u escapes instead of being sent, and a password the process was given as *** (<see cref="Secrets"/>).
/// Output files keep names exactly as given.
/// </summary>
public static class TerminalText
{
    public static string Safe(string text)
    {
        text = Secrets.Redact(text);
        if (!text.Any(Unsafe)) return text;
        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unsafe(c)) safe.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else safe.Append(c);
        }
        return safe.ToString();
    }

    private static bool Unsafe(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
