using System.Collections.Concurrent;
using System.Diagnostics;
using CascadeGuard.Simulation.Paths;
using CascadeGuard.Simulation.Population;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Simulation.Runs;

/// <summary>
/// Runs a <see cref="SimulationRequest"/>: for each run, one path and one population shared by every policy, each
/// policy with feedback on and (optionally) off, worlds in parallel on all cores. Results are gathered by index and
/// aggregated in a fixed order, so the output does not depend on thread timing.
/// </summary>
internal static class MonteCarlo
{
    public static SimulationReport Run(SimulationRequest request, SimulationProgress? progress = null)
    {
        request.Validate();
        var watch = Stopwatch.StartNew();
        var runs = request.Runs;
        var policies = request.Policies;
        var modes = request.CompareWithoutFeedback ? 2 : 1;
        var steps = request.StepCount;
        var perRun = policies.Count * modes;
        var worlds = runs * perRun;
        if (progress is not null)
        {
            progress.TotalSteps = (long)worlds * steps;
        }

        var setups = new Lazy<(PricePath Path, AccountPopulation Population)>?[runs];
        var remaining = new int[runs];
        for (var r = 0; r < runs; r++)
        {
            var run = r;
            setups[r] = new Lazy<(PricePath, AccountPopulation)>(() => Prepare(request, run), LazyThreadSafetyMode.ExecutionAndPublication);
            remaining[r] = perRun;
        }

        var results = new RunResult[runs, policies.Count, modes];
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism };
        Parallel.ForEach(Partitioner.Create(0, worlds, 1), options, range =>
        {
            for (var item = range.Item1; item < range.Item2; item++)
            {
                var run = item / perRun;
                var policy = item % perRun / modes;
                var mode = item % modes;
                var (path, population) = setups[run]!.Value;
                var setup = new WorldSetup(path, population, request.Market with { Feedback = mode == 0 && request.Market.Feedback }, request.Protocol, policies[policy], request.RunSeed(run))
                {
                    Index = request.Index,
                    RecordSeries = run == 0,
                    Progress = progress,
                };
                results[run, policy, mode] = CascadeRun.Run(setup);
                if (Interlocked.Decrement(ref remaining[run]) == 0)
                {
                    setups[run] = null; // let the run's population go
                }
            }
        });

        var summaries = new PolicySummary[policies.Count];
        for (var p = 0; p < policies.Count; p++)
        {
            summaries[p] = Summarize(request, results, p, modes);
        }

        var step = request.Scenario.StepLength(steps);
        var parameters = ParameterSheet.For(request);
        return new SimulationReport(request, request.Population.Accounts, step, parameters, summaries, new SimulationTiming(watch.Elapsed, worlds, (long)worlds * steps * request.Population.Accounts));
    }

    /// <summary>The path and population of run <paramref name="run"/>.</summary>
    public static (PricePath Path, AccountPopulation Population) Prepare(SimulationRequest request, int run)
    {
        var seed = request.RunSeed(run);
        var path = request.Scenario.Build(request.StepCount, SimulationRequest.Mix(seed, 1));
        var population = AccountPopulation.Generate(request.Population, path.Market[0], request.Protocol.LiquidationThreshold, seed);
        return (path, population);
    }

    private static PolicySummary Summarize(SimulationRequest request, RunResult[,,] results, int policy, int modes)
    {
        var runs = results.GetLength(0);
        var mean = new double[MetricInfo.Count];
        var p95 = new double[MetricInfo.Count];
        var offMean = new double[MetricInfo.Count];
        var offP95 = new double[MetricInfo.Count];
        var values = new double[runs];
        var conserved = true;
        for (var m = 0; m < MetricInfo.Count; m++)
        {
            for (var mode = 0; mode < modes; mode++)
            {
                for (var r = 0; r < runs; r++)
                {
                    values[r] = results[r, policy, mode].Metrics[m];
                    conserved &= results[r, policy, mode].Conserved;
                }

                var (avg, q95) = (Mean(values), values.QuantileCustom(0.95, QuantileDefinition.R7));
                if (mode == 0)
                {
                    (mean[m], p95[m]) = (avg, q95);
                }
                else
                {
                    (offMean[m], offP95[m]) = (avg, q95);
                }
            }
        }

        var amplificationMean = modes == 2
            ? (Ratio(mean[(int)Metric.Drawdown], offMean[(int)Metric.Drawdown]), Ratio(mean[(int)Metric.BadDebt], offMean[(int)Metric.BadDebt]))
            : (double.NaN, double.NaN);
        var amplificationP95 = modes == 2
            ? (Ratio(p95[(int)Metric.Drawdown], offP95[(int)Metric.Drawdown]), Ratio(p95[(int)Metric.BadDebt], offP95[(int)Metric.BadDebt]))
            : (double.NaN, double.NaN);
        return new PolicySummary(request.Policies[policy], mean, p95, offMean, amplificationMean, amplificationP95, results[0, policy, 0].Series, conserved);
    }

    // Sum in index order: the mean does not depend on which thread finished first.
    private static double Mean(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>on / off; 1 when both are zero; NaN when only the denominator is.</summary>
    public static double Ratio(double on, double off) => off > 0 ? on / off : on > 0 ? double.NaN : 1;
}
