using System.Globalization;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Runs;
using Spectre.Console;

namespace CascadeGuard.Tool.Simulate;

/// <summary>Prints a <see cref="SimulationReport"/> as a side-by-side table of the policies, then the parameters.</summary>
internal static class SimulateTableWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, SimulationReport report, SimulateOptions options)
    {
        var scenario = report.Request.Scenario;
        console.MarkupLine(Invariant, $"[bold]Cascade simulation[/]: [bold]{Markup.Escape(scenario.Name)}[/] — {Markup.Escape(scenario.Description)}");
        console.MarkupLine(Markup.Escape(SimulationFormat.Header(report)));
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Metric: mean across runs, 95th percentile (p95)");
        foreach (var p in report.Policies)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(p.Policy.Name)}[/]").RightAligned());
            table.AddColumn(new TableColumn("p95").RightAligned());
        }

        foreach (var metric in MetricInfo.All)
        {
            var cells = new List<string> { Markup.Escape(metric.Label) };
            foreach (var p in report.Policies)
            {
                cells.Add(SimulationFormat.Compact(metric, p.MeanOf(metric.Metric)));
                cells.Add($"[dim]{SimulationFormat.Compact(metric, p.P95Of(metric.Metric))}[/]");
            }

            table.AddRow(cells.ToArray());
        }

        AddRow(table, report, "Amplification: drawdown (on/off)", p => (SimulationFormat.Factor(p.AmplificationMean.Drawdown), SimulationFormat.Factor(p.AmplificationP95.Drawdown)));
        AddRow(table, report, "Amplification: bad debt (on/off)", p => (SimulationFormat.Factor(p.AmplificationMean.BadDebt), SimulationFormat.Factor(p.AmplificationP95.BadDebt)));
        AddRow(table, report, "Bad debt without feedback", p => (SimulationFormat.Compact(MetricInfo.All[(int)Metric.BadDebt], p.WithoutFeedbackMean[(int)Metric.BadDebt]), string.Empty));
        AddRow(table, report, "Collateral and debt conserved", p => (p.Conserved ? "exactly" : "[red]NO[/]", string.Empty));
        console.Write(table);

        foreach (var p in report.Policies)
        {
            console.MarkupLine(Invariant, $"  [bold]{Markup.Escape(p.Policy.Name)}[/]: {Markup.Escape(p.Policy.Rules)}");
        }

        console.WriteLine();
        var parameters = new Table().Border(TableBorder.Rounded).AddColumn("Parameter").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Source or reason");
        foreach (var parameter in report.Parameters)
        {
            parameters.AddRow(Markup.Escape(parameter.Key), Markup.Escape(parameter.Display), Markup.Escape(parameter.Source));
        }

        console.Write(parameters);
        if (options.JsonPath is not null)
        {
            console.MarkupLine(Invariant, $"JSON written to {Markup.Escape(options.JsonPath)}");
        }

        if (options.ReportDirectory is not null)
        {
            console.MarkupLine(Invariant, $"Report written to {Markup.Escape(Path.Combine(options.ReportDirectory, "summary.md"))}");
        }

        if (options.Timing)
        {
            var t = report.Timing;
            console.MarkupLine(Invariant, $"Timing: {t.Total.TotalSeconds:F2} s for {t.Worlds} worlds ({t.AccountSteps:N0} account-steps, {t.AccountSteps / Math.Max(t.Total.TotalSeconds, 1e-9) / 1e6:F1} M/s) on {Environment.ProcessorCount} cores; {t.Total.TotalSeconds / t.Worlds:F2} s per world");
        }
    }

    private static void AddRow(Table table, SimulationReport report, string label, Func<PolicySummary, (string Mean, string P95)> cell)
    {
        var cells = new List<string> { Markup.Escape(label) };
        foreach (var p in report.Policies)
        {
            var (mean, p95) = cell(p);
            cells.Add(mean);
            cells.Add(p95.Length > 0 ? $"[dim]{p95}[/]" : string.Empty);
        }

        table.AddRow(cells.ToArray());
    }
}
