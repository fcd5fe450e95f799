using CascadeGuard.Tool.Books;
using CascadeGuard.Tool.Map;
using CascadeGuard.Tool.Simulate;
using CascadeGuard.Tool.Sweep;
using Spectre.Console;

namespace CascadeGuard.Tool.Cli;

/// <summary>Dispatches the tool's commands and turns failures into one error line and an exit code.</summary>
internal static class CommandLine
{
    private static readonly string Help =
        $$"""
        cascadeguard: liquidation-cascade risk tools over the CascadeGuard library.

        Commands:
          map    Liquidation map of a book of accounts: liquidatable debt per price level as one asset falls,
                 and the distribution of health factors.
                 {{MapCommand.Usage}}
                 Without --accounts it reads the bundled sample book (samples/accounts.csv).

          simulate
                 Cascade simulation: one scenario against the liquidation policies, side by side (bad debt, induced
                 drawdown, borrower losses, ...), Monte Carlo over seeds, with liquidation impact on and off.
                 {{SimulateCommand.Usage}}
                 Scenarios: synthetic (default), black-thursday-2020, may-2021, ftx-jan-2022, oracle-spike.

          sweep  Grid of shock size, debt relative to depth, book resilience and leverage: a policy's bad-debt
                 reduction against naive, as CSV and a heat map.
                 {{SweepCommand.Usage}}

        Run 'cascadeguard help' for this text. File formats: docs/cli.md; the simulator: docs/simulator.md.
        """;

    public static int Run(IReadOnlyList<string> args, IAnsiConsole console, Stream standardOutput, TextWriter error)
    {
        try
        {
            if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
            {
                console.WriteLine(Help);
                return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
            }

            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "map" => MapCommand.Run(rest, console, standardOutput),
                "simulate" => SimulateCommand.Run(rest, console),
                "sweep" => SweepCommand.Run(rest, console),
                _ => throw new UsageException($"unknown command '{args[0]}' (try 'cascadeguard help')"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (BookFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
