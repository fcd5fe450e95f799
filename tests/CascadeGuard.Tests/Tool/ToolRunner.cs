using System.Text;
using CascadeGuard.Tool.Cli;
using Spectre.Console;

namespace CascadeGuard.Tests.Tool;

/// <summary>Runs the command-line tool in process and captures what it writes.</summary>
internal static class ToolRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var console = new StringWriter();
        var error = new StringWriter();
        using var standardOutput = new MemoryStream();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        ansi.Profile.Width = 160;
        var code = CommandLine.Run(args, ansi, standardOutput, error);
        return (code, console + Encoding.UTF8.GetString(standardOutput.ToArray()), error.ToString());
    }

    public static string WriteTemp(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cascadeguard-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
