using CascadeGuard.Tool.Books;
using CascadeGuard.Tool.Cli;
using Spectre.Console;

namespace CascadeGuard.Tool.Map;

/// <summary><c>cascadeguard map</c>: the liquidation map and health distribution of a book of accounts.</summary>
internal static class MapCommand
{
    public const string Usage =
        "cascadeguard map [--accounts FILE] [--asset NAME] [--buckets N] [--drop FRACTION] [--json]";

    private static readonly HashSet<string> Options = ["accounts", "asset", "buckets", "drop"];
    private static readonly HashSet<string> Flags = ["json"];

    public static MapOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, Options, Flags);
        return new MapOptions(
            reader.Text("accounts") ?? BookFile.SamplePath,
            reader.Text("asset"),
            reader.Integer("buckets", 20, 1, 1000),
            reader.Number("drop", 0.5, 0.01, 1.0),
            reader.Flag("json"));
    }

    public static int Run(IReadOnlyList<string> args, IAnsiConsole console, Stream standardOutput)
    {
        var options = Parse(args);
        var book = BookFile.Load(options.AccountsPath);
        var report = MapReport.Create(Path.GetFileName(options.AccountsPath), book, options);

        // Everything is computed before the first byte is written, so a failure never leaves half a report.
        if (options.Json)
        {
            MapJsonWriter.Write(standardOutput, report);
            standardOutput.WriteByte((byte)'\n');
        }
        else
        {
            MapTableWriter.Write(console, report);
        }

        return ExitCodes.Success;
    }
}
