using System.CommandLine.Parsing;

namespace SupplyChainSim.Cli;

/// <summary>
/// File and folder names from the command line. A NUL character cannot come through argv but can through a response
/// file (@file); .NET would throw on it while parsing, so it is refused as a parse error naming the argument.
/// </summary>
internal static class PathArguments
{
    public static FileInfo? File(ArgumentResult result) => One(result, text => new FileInfo(text));

    public static DirectoryInfo? Directory(ArgumentResult result) => One(result, text => new DirectoryInfo(text));

    public static FileInfo[] Files(ArgumentResult result) =>
        result.Tokens.Select(token => Make(result, token.Value, text => new FileInfo(text))).OfType<FileInfo>().ToArray();

    private static T? One<T>(ArgumentResult result, Func<string, T> make) where T : class =>
        result.Tokens.Count == 0 ? null : Make(result, result.Tokens[^1].Value, make);

    private static T? Make<T>(ArgumentResult result, string text, Func<string, T> make) where T : class
    {
        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        if (text.Contains('\0'))
        {
            result.AddError($"{name}: expected a file name, found one with a NUL character: \"{text.Replace("\0", "\\0", StringComparison.Ordinal)}\"");
            return null;
        }
        try
        {
            return make(text);
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            result.AddError($"{name}: expected a file name, found \"{text}\" ({e.Message})");
            return null;
        }
    }
}
