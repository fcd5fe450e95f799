using CascadeGuard.Simulation.Paths;
using CascadeGuard.Simulation.Runs;
using CascadeGuard.Tool.Charts;
using CascadeGuard.Tool.Cli;
using Spectre.Console;

namespace CascadeGuard.Tool.Simulate;

/// <summary><c>cascadeguard simulate</c>: one scenario against several liquidation policies, side by side.</summary>
internal static class SimulateCommand
{
    public const string Usage =
        "cascadeguard simulate [--scenario NAME] [--policy NAME...] [--accounts N] [--steps N] [--seed S] [--runs N]\n" +
        "                          [--shock FRACTION] [--debt-to-depth X] [--half-life DURATION] [--json FILE] [--report DIR] [--timing]";

    private static readonly HashSet<string> Options = ["scenario", "accounts", "steps", "seed", "runs", "shock", "debt-to-depth", "half-life", "json", "report"];
    private static readonly HashSet<string> Flags = ["timing"];
    private static readonly HashSet<string> Lists = ["policy"];

    public static SimulateOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, Options, Flags, Lists);
        var name = reader.Text("scenario") ?? ScenarioCatalog.Default;
        var scenario = ScenarioCatalog.Find(name)
            ?? throw new UsageException($"unknown scenario '{name}' (available: {string.Join(", ", ScenarioCatalog.Names)})");
        if (reader.Text("shock") is not null)
        {
            if (scenario is not SyntheticScenario { OracleSpike: 0 } synthetic)
            {
                throw new UsageException("option '--shock' applies only to the synthetic scenario");
            }

            scenario = new SyntheticScenario(synthetic.Name, $"ETH falls {reader.Number("shock", 0.4, 0, 0.99):P0} over one hour, then noise; seeded")
            {
                ShockSize = reader.Number("shock", 0.4, 0, 0.99),
            };
        }

        var request = new SimulationRequest
        {
            Scenario = scenario,
            Policies = PolicyArguments.Resolve(reader.List("policy"), "policy"),
            Steps = reader.Integer("steps", scenario.DefaultSteps, 10, 100_000),
            Seed = reader.Integer("seed", 1, 0, int.MaxValue),
            Runs = reader.Integer("runs", 16, 1, 1000),
        };
        request = request with
        {
            Population = request.Population with { Accounts = reader.Integer("accounts", 100_000, 100, 1_000_000) },
            Market = request.Market with
            {
                DebtToDepth = reader.Number("debt-to-depth", request.Market.DebtToDepth, 0.01, 10_000),
                ResilienceHalfLife = reader.Duration("half-life", request.Market.ResilienceHalfLife, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30)),
            },
        };
        return new SimulateOptions(
            request,
            OutputPath.File(reader.Text("json"), "json"),
            OutputPath.Folder(reader.Text("report"), "report"),
            reader.Flag("timing"));
    }

    public static int Run(IReadOnlyList<string> args, IAnsiConsole console)
    {
        var options = Parse(args);
        var report = Simulate(options.Request, console);

        // Everything is computed before the first line of the report is written.
        var json = options.JsonPath is null ? null : SimulateJsonWriter.ToBytes(report);
        var charts = options.ReportDirectory is null ? null : SimulationCharts.Render(report);
        if (json is not null)
        {
            File.WriteAllBytes(options.JsonPath!, json);
        }

        if (charts is not null)
        {
            Directory.CreateDirectory(options.ReportDirectory!);
            charts.Save(options.ReportDirectory!);
            File.WriteAllText(Path.Combine(options.ReportDirectory!, "summary.md"), SimulationMarkdown.Write(report, charts));
        }

        SimulateTableWriter.Write(console, report, options);
        return ExitCodes.Success;
    }

    /// <summary>Runs the request, with a progress bar on an interactive console.</summary>
    public static SimulationReport Simulate(SimulationRequest request, IAnsiConsole console) =>
        ProgressRunner.Run(console, $"simulating {request.Scenario.Name}", progress => MonteCarlo.Run(request, progress));
}
