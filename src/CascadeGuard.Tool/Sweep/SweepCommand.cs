using System.Globalization;
using System.Text;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Runs;
using CascadeGuard.Tool.Charts;
using CascadeGuard.Tool.Cli;
using CascadeGuard.Tool.Simulate;
using Spectre.Console;

namespace CascadeGuard.Tool.Sweep;

/// <summary>
/// <c>cascadeguard sweep</c>: where a policy's protection holds and where it does not, over a grid of synthetic shocks,
/// debt relative to depth, book resilience and leverage. Writes a CSV and a heat map.
/// </summary>
internal static class SweepCommand
{
    public const string Usage =
        "cascadeguard sweep [--policy NAME] [--accounts N] [--runs N] [--seed S] [--steps N] [--shocks LIST]\n" +
        "                          [--debt-to-depth LIST] [--half-lives LIST] [--leverage LIST] [--out DIR]";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly HashSet<string> Options = ["policy", "accounts", "runs", "seed", "steps", "out"];
    private static readonly HashSet<string> Lists = ["shocks", "debt-to-depth", "half-lives", "leverage"];

    public static (SweepRequest Request, string OutDirectory) Parse(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, Options, new HashSet<string>(), Lists);
        // The sweep judges the project's own policy against the naive engine (docs/simulator.md).
        var defaults = new SweepRequest { Policy = PolicyCatalog.Find("cascadeguard")!, Baseline = PolicyCatalog.Available[0] };
        var policyName = reader.Text("policy");
        var policy = policyName is null ? defaults.Policy : PolicyArguments.Resolve([policyName], "policy")[0];
        if (policy.Name == defaults.Baseline.Name)
        {
            throw new UsageException($"option '--policy': '{policy.Name}' is the baseline; choose another policy to compare with it");
        }

        var request = defaults with
        {
            Policy = policy,
            Accounts = reader.Integer("accounts", defaults.Accounts, 100, 1_000_000),
            Runs = reader.Integer("runs", defaults.Runs, 1, 100),
            Seed = reader.Integer("seed", defaults.Seed, 0, int.MaxValue),
            Steps = reader.Integer("steps", defaults.Steps, 10, 100_000),
            Shocks = reader.Numbers("shocks", defaults.Shocks, 0, 0.99),
            DebtToDepth = reader.Numbers("debt-to-depth", defaults.DebtToDepth, 0.01, 10_000),
            HalfLives = reader.Durations("half-lives", defaults.HalfLives, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30)),
            Leverage = reader.Numbers("leverage", defaults.Leverage, 1.01, 100),
        };
        foreach (var l in request.Leverage)
        {
            var health = request.Protocol.LiquidationThreshold * l / (l - 1);
            if (health <= 1)
            {
                throw new UsageException(string.Create(Invariant, $"option '--leverage': {l} gives a median health factor of {health:G3} at LT {request.Protocol.LiquidationThreshold}; it must be above 1 (leverage below {1 / (1 - request.Protocol.LiquidationThreshold):G3})"));
            }
        }

        var output = OutputPath.Folder(reader.Text("out") ?? "sweep", "out")!;
        return (request, output);
    }

    public static int Run(IReadOnlyList<string> args, IAnsiConsole console)
    {
        var (request, directory) = Parse(args);
        var cells = Simulate(request, console);
        var csv = Csv(cells, request);
        var png = SweepHeatMap.Render(request, cells);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "sweep.csv"), csv);
        File.WriteAllBytes(Path.Combine(directory, "sweep.png"), png);

        var wins = cells.Count(c => c.Reduction > 0.001);
        var losses = cells.Where(c => c.Reduction < -0.001).ToList();
        console.MarkupLine(Invariant, $"[bold]Sweep[/]: {Markup.Escape(request.Policy.Name)} against {Markup.Escape(request.Baseline.Name)}, {cells.Count} cells × {request.Runs} runs × {request.Accounts:N0} accounts × {request.Steps:N0} steps (seed {request.Seed})");
        console.MarkupLine(Invariant, $"Less bad debt than {Markup.Escape(request.Baseline.Name)} in {wins} cells, more in {losses.Count}, the same in {cells.Count - wins - losses.Count}.");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Shock").AddColumn(new TableColumn("Debt/depth").RightAligned()).AddColumn(new TableColumn("Half-life").RightAligned()).AddColumn(new TableColumn("Leverage").RightAligned())
            .AddColumn(new TableColumn($"{Markup.Escape(request.Baseline.Name)} bad debt").RightAligned()).AddColumn(new TableColumn($"{Markup.Escape(request.Policy.Name)} bad debt").RightAligned()).AddColumn(new TableColumn("Reduction").RightAligned());
        foreach (var c in cells.OrderBy(c => c.Reduction).Take(5).Concat(cells.OrderByDescending(c => c.Reduction).Take(5)).Distinct())
        {
            table.AddRow(c.Shock.ToString("P0", Invariant), c.DebtToDepth.ToString("G4", Invariant), ArgumentReader.Show(c.HalfLife), c.Leverage.ToString("G3", Invariant),
                c.BaselineBadDebt.ToString("N0", Invariant), c.PolicyBadDebt.ToString("N0", Invariant), c.Reduction.ToString("P1", Invariant));
        }

        console.MarkupLine("The five worst and five best cells by relative reduction (baseline − policy) / max(baseline, policy):");
        console.Write(table);
        console.MarkupLine(Invariant, $"Wrote {Markup.Escape(Path.Combine(directory, "sweep.csv"))} and {Markup.Escape(Path.Combine(directory, "sweep.png"))}");
        return ExitCodes.Success;
    }

    private static List<SweepCell> Simulate(SweepRequest request, IAnsiConsole console) =>
        [.. ProgressRunner.Run(console, "sweeping", progress => Simulation.Runs.Sweep.Run(request, progress))];

    public static string Csv(IReadOnlyList<SweepCell> cells, SweepRequest request)
    {
        var b = request.Baseline.Name;
        var p = request.Policy.Name;
        var csv = new StringBuilder();
        csv.AppendLine(Invariant, $"shock,debt_to_depth,half_life_seconds,median_leverage,{b}_bad_debt,{p}_bad_debt,reduction,{b}_drawdown,{p}_drawdown,{b}_accounts_liquidated,{p}_accounts_liquidated");
        foreach (var c in cells)
        {
            csv.AppendLine(Invariant, $"{c.Shock:R},{c.DebtToDepth:R},{c.HalfLife.TotalSeconds:R},{c.Leverage:R},{c.BaselineBadDebt:R},{c.PolicyBadDebt:R},{c.Reduction:R},{c.BaselineDrawdown:R},{c.PolicyDrawdown:R},{c.BaselineLiquidated:R},{c.PolicyLiquidated:R}");
        }

        return csv.ToString();
    }
}
