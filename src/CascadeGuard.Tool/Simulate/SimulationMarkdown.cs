using System.Globalization;
using System.Text;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Runs;
using CascadeGuard.Tool.Charts;

namespace CascadeGuard.Tool.Simulate;

/// <summary>The Markdown summary that <c>--report DIR</c> writes next to the charts.</summary>
internal static class SimulationMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(SimulationReport report, ChartSet charts)
    {
        var scenario = report.Request.Scenario;
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# Cascade simulation: {scenario.Name}");
        md.AppendLine();
        md.AppendLine(Invariant, $"{scenario.Description}. {SimulationFormat.Header(report)}.");
        md.AppendLine();
        md.AppendLine("Each cell: mean across runs, then the 95th percentile in parentheses.");
        md.AppendLine();
        md.Append("| metric |");
        foreach (var p in report.Policies)
        {
            md.Append(Invariant, $" {p.Policy.Name} |");
        }

        md.AppendLine();
        md.Append("|---|");
        md.AppendLine(string.Concat(Enumerable.Repeat("---:|", report.Policies.Count)));
        foreach (var metric in MetricInfo.All)
        {
            md.Append(Invariant, $"| {metric.Label} |");
            foreach (var p in report.Policies)
            {
                md.Append(Invariant, $" {SimulationFormat.Value(metric, p.MeanOf(metric.Metric))} ({SimulationFormat.Value(metric, p.P95Of(metric.Metric))}) |");
            }

            md.AppendLine();
        }

        Row(md, report, "Amplification: drawdown (on/off)", p => $"{SimulationFormat.Factor(p.AmplificationMean.Drawdown)} ({SimulationFormat.Factor(p.AmplificationP95.Drawdown)})");
        Row(md, report, "Amplification: bad debt (on/off)", p => $"{SimulationFormat.Factor(p.AmplificationMean.BadDebt)} ({SimulationFormat.Factor(p.AmplificationP95.BadDebt)})");
        Row(md, report, "Collateral and debt conserved", p => p.Conserved ? "exactly" : "**no**");
        md.AppendLine();
        md.AppendLine("Policies:");
        md.AppendLine();
        foreach (var p in report.Policies)
        {
            md.AppendLine(Invariant, $"- `{p.Policy.Name}`: {p.Policy.Rules}.");
        }

        md.AppendLine();
        foreach (var (file, title, _) in charts.Charts)
        {
            md.AppendLine(Invariant, $"## {title}");
            md.AppendLine();
            md.AppendLine(Invariant, $"![{title}]({file})");
            md.AppendLine();
        }

        md.AppendLine("## Parameters");
        md.AppendLine();
        md.AppendLine("| parameter | value | source or reason |");
        md.AppendLine("|---|---:|---|");
        foreach (var parameter in report.Parameters)
        {
            md.AppendLine(Invariant, $"| `{parameter.Key}` | {parameter.Display} | {parameter.Source} |");
        }

        md.AppendLine();
        md.AppendLine("Model, metric definitions and limits: docs/simulator.md.");
        return md.ToString();
    }

    private static void Row(StringBuilder md, SimulationReport report, string label, Func<PolicySummary, string> cell)
    {
        md.Append(Invariant, $"| {label} |");
        foreach (var p in report.Policies)
        {
            md.Append(Invariant, $" {cell(p)} |");
        }

        md.AppendLine();
    }
}
