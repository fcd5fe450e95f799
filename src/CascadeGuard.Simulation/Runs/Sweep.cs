using System.Collections.Concurrent;
using CascadeGuard.Simulation.Paths;
using CascadeGuard.Simulation.Population;

namespace CascadeGuard.Simulation.Runs;

/// <summary>Runs a <see cref="SweepRequest"/> on all cores; cells come back in grid order (shock, depth, half-life, leverage).</summary>
internal static class Sweep
{
    public static IReadOnlyList<SweepCell> Run(SweepRequest request, SimulationProgress? progress = null)
    {
        request.Validate();
        var cells = request.Cells;
        var runs = request.Runs;
        if (progress is not null)
        {
            progress.TotalSteps = (long)cells * runs * 2 * request.Steps;
        }

        // Paths depend on (shock, run), populations on (leverage, run): built once, shared by every cell that uses them.
        var paths = new Lazy<PricePath>[request.Shocks.Length, runs];
        var populations = new Lazy<AccountPopulation>[request.Leverage.Length, runs];
        for (var r = 0; r < runs; r++)
        {
            var run = r;
            var seed = SimulationRequest.Mix(request.Seed, run);
            for (var s = 0; s < request.Shocks.Length; s++)
            {
                var scenario = new SyntheticScenario("sweep", "sweep cell") { ShockSize = request.Shocks[s] };
                paths[s, r] = new Lazy<PricePath>(() => scenario.Build(request.Steps, SimulationRequest.Mix(seed, 1)));
            }

            for (var l = 0; l < request.Leverage.Length; l++)
            {
                var parameters = request.Population.WithMedianLeverage(request.Leverage[l], request.Protocol.LiquidationThreshold) with { Accounts = request.Accounts };
                populations[l, r] = new Lazy<AccountPopulation>(() =>
                    AccountPopulation.Generate(parameters, new SyntheticScenario("sweep", "sweep cell").InitialPrice, request.Protocol.LiquidationThreshold, seed));
            }
        }

        var results = new (RunResult Baseline, RunResult Policy)[cells, runs];
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism };
        Parallel.ForEach(Partitioner.Create(0, cells * runs, 1), options, range =>
        {
            for (var item = range.Item1; item < range.Item2; item++)
            {
                var (cell, run) = (item / runs, item % runs);
                var (s, d, h, l) = Coordinates(request, cell);
                var market = request.Market with { DebtToDepth = request.DebtToDepth[d], ResilienceHalfLife = request.HalfLives[h] };
                var path = paths[s, run].Value;
                var population = populations[l, run].Value;
                var seed = SimulationRequest.Mix(request.Seed, run);
                results[cell, run] = (
                    CascadeRun.Run(new WorldSetup(path, population, market, request.Protocol, request.Baseline, seed) { Progress = progress }),
                    CascadeRun.Run(new WorldSetup(path, population, market, request.Protocol, request.Policy, seed) { Progress = progress }));
            }
        });

        var output = new SweepCell[cells];
        for (var cell = 0; cell < cells; cell++)
        {
            var (s, d, h, l) = Coordinates(request, cell);
            double bb = 0, pb = 0, bd = 0, pd = 0, bl = 0, pl = 0;
            for (var r = 0; r < runs; r++)
            {
                var (baseline, policy) = results[cell, r];
                bb += baseline[Metric.BadDebt];
                pb += policy[Metric.BadDebt];
                bd += baseline[Metric.Drawdown];
                pd += policy[Metric.Drawdown];
                bl += baseline[Metric.AccountsLiquidated];
                pl += policy[Metric.AccountsLiquidated];
            }

            output[cell] = new SweepCell(request.Shocks[s], request.DebtToDepth[d], request.HalfLives[h], request.Leverage[l], bb / runs, pb / runs, bd / runs, pd / runs, bl / runs, pl / runs);
        }

        return output;
    }

    private static (int Shock, int Depth, int HalfLife, int Leverage) Coordinates(SweepRequest request, int cell)
    {
        var l = cell % request.Leverage.Length;
        cell /= request.Leverage.Length;
        var h = cell % request.HalfLives.Length;
        cell /= request.HalfLives.Length;
        var d = cell % request.DebtToDepth.Length;
        return (cell / request.DebtToDepth.Length, d, h, l);
    }
}
