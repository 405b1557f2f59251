using System.Text;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// Scenario files are JSON with comments (JSONC, as editors read them): a comment may stand wherever white space may,
/// also between a key and its colon, which System.Text.Json's reader refuses. Comments are blanked out before reading:
/// each character becomes as many spaces as its UTF-8 bytes and line breaks stay, so that every line and column (in
/// bytes, as errors give them) is where it was.
/// </summary>
internal static class JsonComments
{
    public static string Blank(string json)
    {
        if (!json.Contains('/')) return json;
        var blanked = new StringBuilder(json.Length);
        var copied = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"')
            {
                inString = true;
                continue;
            }
            if (c != '/' || i + 1 >= json.Length || json[i + 1] is not ('/' or '*')) continue;
            var block = json[i + 1] == '*';
            var end = block ? json.IndexOf("*/", i + 2, StringComparison.Ordinal) : json.IndexOfAny(['\n', '\r'], i);
            // An unterminated block comment is left for the reader to report where it starts.
            if (block && end < 0) break;
            end = block ? end + 2 : end < 0 ? json.Length : end;
            blanked.Append(json, copied, i - copied);
            for (var j = i; j < end; j++)
                blanked.Append(json[j] is '\n' or '\r' ? json[j] : ' ', json[j] is '\n' or '\r' ? 1 : char.IsSurrogate(json[j]) ? 2 : Encoding.UTF8.GetByteCount(json.AsSpan(j, 1)));
            copied = end;
            i = end - 1;
        }
        return copied == 0 ? json : blanked.Append(json, copied, json.Length - copied).ToString();
    }
}
