using System.Globalization;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Tool.Simulate;

/// <summary>How simulation figures read in tables and Markdown.</summary>
internal static class SimulationFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Value(MetricInfo metric, double value) => Number(value, metric.Format);

    /// <summary>
    /// A number for the terminal table: amounts of a million and more in M and G (three significant figures or more), so
    /// that four policies with their 95th percentiles fit a terminal; JSON and the Markdown summary keep every digit.
    /// </summary>
    public static string Compact(MetricInfo metric, double value)
    {
        if (double.IsNaN(value) || !metric.Format.StartsWith('N'))
        {
            return Value(metric, value);
        }

        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            >= 1e9 => (value / 1e9).ToString("0.00", Invariant) + " G",
            >= 1e6 => (value / 1e6).ToString("0.0", Invariant) + " M",
            >= 1e4 => value.ToString("N0", Invariant),
            _ => Value(metric, value),
        };
    }

    public static string Number(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, Invariant);

    /// <summary>An amplification factor: on over off, "∞" when off is zero and on is not.</summary>
    public static string Factor(double value) => double.IsNaN(value) ? "∞ (none off)" : value.ToString("0.00", Invariant) + "×";

    public static string Header(SimulationReport report)
    {
        var r = report.Request;
        var step = report.StepLength;
        var stepText = step.TotalMinutes >= 1 ? $"{step.TotalMinutes:0.##} min" : $"{step.TotalSeconds:0.##} s";
        return string.Create(Invariant, $"{report.Accounts:N0} accounts × {r.StepCount:N0} steps of {stepText}, {r.Runs} run{(r.Runs == 1 ? string.Empty : "s")} (seed {r.Seed}); every policy on the same paths and populations");
    }
}
