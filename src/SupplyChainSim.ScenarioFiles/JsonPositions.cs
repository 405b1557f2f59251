using System.Text;
using System.Text.Json;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// Where each key (or, for array elements, each value) of a JSON file starts, by JSON path ("$.dataCentres.sites[0].country"), so that an error found
/// after reading (a dangling reference, a value out of range) can still name its line and column. The same pass finds
/// what a JSON reader accepts but cannot give back (<see cref="Problems"/>): a key given twice in one object, and a
/// string with a lone surrogate escape ("\ud800"), which is no text at all.
/// </summary>
public sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> positions;

    private JsonPositions(Dictionary<string, (int Line, int Column)> positions, IReadOnlyList<(string Path, int Line, int Column, string Message)> problems)
    {
        this.positions = positions;
        Problems = problems;
    }

    /// <summary>Keys given twice and strings that are not text, each at its place, in file order.</summary>
    public IReadOnlyList<(string Path, int Line, int Column, string Message)> Problems { get; }

    public static JsonPositions Of(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonComments.Blank(json));
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
        var problems = new List<(string, int, int, string)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path, and for arrays the index of the next element.
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        // Each open object's keys, with where each first appears.
        var keys = new Stack<Dictionary<string, (int Line, int Column)>>();
        string? property = null;
        // The string at the reader, or null (a problem noted) where it has a lone surrogate escape.
        string? Text(ref Utf8JsonReader at, string path)
        {
            try
            {
                return at.GetString();
            }
            catch (InvalidOperationException)
            {
                var (line, column) = At(at.TokenStartIndex);
                problems.Add((path, line, column, "a string with a lone surrogate escape (such as \\ud800 without the \\udc00 to \\udfff that must follow it); " +
                    "expected text: escape a character outside the Basic Multilingual Plane as its two surrogates, or write it as it is"));
                return null;
            }
        }
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var position = At(reader.TokenStartIndex);
                    property = Text(ref reader, Child(stack, "")) ?? "\ufffd";
                    var key = Child(stack, property);
                    found.TryAdd(key, position);
                    if (keys.Count > 0 && !keys.Peek().TryAdd(property, position))
                    {
                        var first = keys.Peek()[property];
                        problems.Add((key, position.Item1, position.Item2,
                            $"the key \"{property}\" appears twice in this object (first at line {first.Line}, column {first.Column}); expected each key once"));
                    }
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.EndObject) keys.Pop();
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
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    stack.Push((path, 0, false));
                    keys.Push(new Dictionary<string, (int, int)>(StringComparer.Ordinal));
                }
                else if (reader.TokenType == JsonTokenType.StartArray) stack.Push((path, 0, true));
                else if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped) Text(ref reader, path);
            }
        }
        catch (JsonException)
        {
            // A file that does not parse has its syntax error reported elsewhere; what was read so far still helps.
        }
        return new JsonPositions(found, problems);
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
