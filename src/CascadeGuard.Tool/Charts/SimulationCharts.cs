using CascadeGuard.Simulation.Runs;
using ScottPlot;

namespace CascadeGuard.Tool.Charts;

/// <summary>The charts of a simulation report (first run of each policy, feedback on), drawn with ScottPlot.</summary>
internal static class SimulationCharts
{
    private const int Width = 1000;
    private const int Height = 560;

    private static readonly Color[] Palette = [Colors.C0, Colors.C1, Colors.C2, Colors.C3, Colors.C4, Colors.C5];

    public static ChartSet Render(SimulationReport report)
    {
        var hours = Hours(report);
        var collateral = report.Request.Scenario.Collateral;
        return new ChartSet(
        [
            ("price.png", "Collateral price per policy against the exogenous path", Lines(report, hours, $"{collateral} price: each policy against the exogenous path (run 1)", $"{collateral} price (USD)", s => s.Price, exogenous: true)),
            ("bad-debt.png", "Cumulative bad debt", Lines(report, hours, "Debt left without collateral, cumulative (run 1)", "USD", s => s.CumulativeBadDebt, exogenous: false)),
            ("volume.png", "Liquidation volume per step", Lines(report, hours, "Collateral liquidated per step (run 1)", $"{collateral} per step", s => s.Volume, exogenous: false)),
            ("health.png", "Health distribution before and after", Health(report)),
        ]);
    }

    private static double[] Hours(SimulationReport report)
    {
        var steps = report.Request.StepCount;
        var hours = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            hours[i] = i * report.StepLength.TotalHours;
        }

        return hours;
    }

    private static byte[] Lines(SimulationReport report, double[] hours, string title, string yLabel, Func<RunSeries, double[]> values, bool exogenous)
    {
        var plot = new Plot();
        if (exogenous && report.Policies.Count > 0 && report.Policies[0].Series is { } first)
        {
            var line = plot.Add.ScatterLine(hours, first.Exogenous);
            line.LegendText = "exogenous path";
            line.Color = Colors.Black;
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 2;
        }

        for (var p = 0; p < report.Policies.Count; p++)
        {
            if (report.Policies[p].Series is { } series)
            {
                var line = plot.Add.ScatterLine(hours, values(series));
                line.LegendText = report.Policies[p].Policy.Name;
                line.Color = Palette[p % Palette.Length];
                line.LineWidth = 1.5f;
            }
        }

        Decorate(plot, title, "hours from start", yLabel);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] Health(SimulationReport report)
    {
        var plot = new Plot();
        var labels = HealthBands.Labels;
        var groups = report.Policies.Count + 1;
        var width = 0.8 / groups;
        var bars = new List<Bar>();
        for (var g = 0; g < groups; g++)
        {
            var color = g == 0 ? Colors.Gray : Palette[(g - 1) % Palette.Length];
            var counts = g == 0 ? report.Policies[0].Series?.HealthBefore : report.Policies[g - 1].Series?.HealthAfter;
            if (counts is null)
            {
                continue;
            }

            for (var b = 0; b < labels.Count; b++)
            {
                bars.Add(new Bar { Position = b - 0.4 + (width * (g + 0.5)), Value = counts[b], Size = width, FillColor = color, LineWidth = 0 });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = g == 0 ? "before (all policies)" : $"after: {report.Policies[g - 1].Policy.Name}", FillColor = color });
        }

        plot.Add.Bars(bars);
        var ticks = new double[labels.Count];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = i;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. labels]);
        plot.Axes.Margins(bottom: 0);
        Decorate(plot, "Accounts by health factor, before and after (run 1)", "health factor at the oracle price", "accounts");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void Decorate(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(Alignment.UpperRight);
    }
}
