using CascadeGuard.Tool.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Piped output has no terminal width; keep tables whole rather than wrapped at 80 columns.
    console.Profile.Width = 132;
}

using var standardOutput = Console.OpenStandardOutput();
return CommandLine.Run(args, console, standardOutput, Console.Error);
