using System.Text;
using System.Text.Json;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// Where each key (or, for array elements, each value) of a JSON file starts, by JSON path ("$.dataCentres.sites[0].country"), so that an error found
/// after reading (a dangling reference, a value out of range) can still name its line and column.
/// </summary>
public sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> positions;

    private JsonPositions(Dictionary<string, (int Line, int Column)> positions) => this.positions = positions;

    public static JsonPositions Of(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        (int, int) At(long offset)
        {
            var line = lineStarts.BinarySearch((int)offset);
            if (line < 0) line = ~line - 1;
            return (line + 1, (int)offset - lineStarts[line] + 1);
        }

        var found = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path, and for arrays the index of the next element.
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    found.TryAdd(Child(stack, property), At(reader.TokenStartIndex));
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }
                string path;
                if (stack.Count == 0) path = "$";
                else if (stack.Peek().IsArray)
                {
                    var (parent, index, _) = stack.Pop();
                    stack.Push((parent, index + 1, true));
                    path = $"{parent}[{index}]";
                }
                else path = Child(stack, property!);
                found.TryAdd(path, At(reader.TokenStartIndex)); // a property keeps its key's position
                if (reader.TokenType == JsonTokenType.StartObject) stack.Push((path, 0, false));
                else if (reader.TokenType == JsonTokenType.StartArray) stack.Push((path, 0, true));
            }
        }
        catch (JsonException)
        {
            // A file that does not parse has its syntax error reported elsewhere; what was read so far still helps.
        }
        return new JsonPositions(found);
    }

    private static string Child(Stack<(string Path, int NextIndex, bool IsArray)> stack, string? property) =>
        $"{(stack.Count == 0 ? "$" : stack.Peek().Path)}.{property}";

    /// <summary>The position of the path, or of its nearest ancestor that the file has; null when none.</summary>
    public (int Line, int Column)? Find(string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (positions.TryGetValue(candidate, out var position)) return position;
            if (candidate == "$") break;
        }
        return null;
    }

    /// <summary>Whether the file itself has this exact path (rather than inheriting it from a file it extends).</summary>
    public bool Has(string path) => positions.ContainsKey(path);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }
}
