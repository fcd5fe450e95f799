using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Paths;

/// <summary>
/// Turns recorded bars into a continuous path and samples it at the simulation's step times. Each bar of length Δ
/// becomes four knots: the open at its start, the two extremes at Δ/3 and 2Δ/3 (high first in a falling bar, low first
/// in a rising one, the usual assumption of bar-replay backtesters), the close at its end. Between knots the log price
/// is linear. Wicks are kept; the path's minimum equals the lowest low when a step lands on that knot.
/// </summary>
internal static class BarPath
{
    public static double[] Sample(IReadOnlyList<OhlcBar> bars, TimeSpan barLength, DateTimeOffset start, TimeSpan step, int steps)
    {
        Guard.Positive(steps);
        if (bars.Count == 0)
        {
            throw new ArgumentException("At least one bar is required.", nameof(bars));
        }

        var times = new List<double>(bars.Count * 4);
        var logs = new List<double>(bars.Count * 4);
        var origin = bars[0].Start;
        Add(0, bars[0].Open);
        foreach (var bar in bars)
        {
            var t0 = (bar.Start - origin).TotalSeconds;
            var length = barLength.TotalSeconds;
            var falling = bar.Close < bar.Open;
            Add(t0 + (length / 3), falling ? bar.High : bar.Low);
            Add(t0 + (2 * length / 3), falling ? bar.Low : bar.High);
            Add(t0 + length, bar.Close);
        }

        var result = new double[steps];
        var k = 0;
        for (var i = 0; i < steps; i++)
        {
            var t = (start - origin).TotalSeconds + (i * step.TotalSeconds);
            while (k + 1 < times.Count && times[k + 1] <= t)
            {
                k++;
            }

            if (k + 1 >= times.Count || t <= times[k])
            {
                result[i] = Math.Exp(logs[Math.Min(k, logs.Count - 1)]);
                continue;
            }

            var w = (t - times[k]) / (times[k + 1] - times[k]);
            result[i] = Math.Exp(logs[k] + (w * (logs[k + 1] - logs[k])));
        }

        return result;

        void Add(double time, double price)
        {
            times.Add(time);
            logs.Add(Math.Log(price));
        }
    }
}
