using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Policies;

namespace CascadeGuard.Simulation.Runs;

/// <summary>
/// Runs one world: one policy on one path and population, with or without feedback. Each step: the exogenous price
/// moves and the book refills; the collateral oracle reads the book's mid; the index collects the liquidatable accounts;
/// the policy acts, and its sales move the mid that the next step's margin check sees.
/// </summary>
internal static class CascadeRun
{
    private const int ProgressEvery = 32;

    public static RunResult Run(WorldSetup setup)
    {
        Guard.NotNull(setup);
        var path = setup.Path;
        var population = setup.Population;
        var parameters = setup.Market.Validate();
        var protocol = setup.Protocol.Validate();
        var steps = path.Steps;
        var initialPrice = path.Market[0];

        var ledger = new Ledger(population, protocol.LiquidationThreshold);
        var market = parameters.Feedback ? ImpactMarket.WithImpact(Profile(parameters, population, initialPrice), parameters.ResilienceHalfLife, path.Step, parameters.PermanentImpactFraction, initialPrice) : ImpactMarket.WithoutImpact(initialPrice);
        LiquidationIndex index = setup.Index == IndexKind.Indexed ? new TriggerIndex(ledger) : new FullScanIndex(ledger);
        var recorder = new RunRecorder(ledger.Count, parameters.NearZeroFraction);
        var actions = new LiquidationActions(ledger, market, index, recorder);
        var clock = new SimulationClock(path.Start);
        var accounts = new AccountsView(ledger);
        var view = new MarketView(market);
        var policy = setup.Policy.Create(new PolicySetup(protocol, accounts, view, clock, path.Start, path.Step, steps, setup.Seed));
        var initialTriggers = (double[])ledger.Triggers.Clone();

        RunSeries? series = setup.RecordSeries
            ? new RunSeries(new double[steps], new double[steps], new double[steps], new double[steps], Histogram(ledger, initialPrice / path.DebtOracle[0]), [])
            : null;

        var minPrice = double.PositiveInfinity;
        int firstLiquidatable = -1, lastLiquidatable = -1, run = 0, longestRun = 0;
        double peakUnfilled = 0, peakVolume = 0;
        var ratio = initialPrice / path.DebtOracle[0];
        for (var t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                market.Advance(path.Market[t]);
            }

            var mid = market.Mid;
            minPrice = Math.Min(minPrice, mid);
            var debtOracle = path.DebtOracle[t];
            ratio = mid / debtOracle;
            clock.Set(path.Start + (path.Step * t));
            index.Collect(ratio);
            if (index.Liquidatable.Length > 0)
            {
                firstLiquidatable = firstLiquidatable < 0 ? t : firstLiquidatable;
                lastLiquidatable = t;
            }

            recorder.BeginStep();
            recorder.ExogenousPrice = path.Market[t];
            policy.OnStep(new StepContext(t, clock.GetUtcNow(), path.Step, mid, debtOracle, index.Liquidatable, accounts, view), actions);

            var after = market.Mid;
            minPrice = Math.Min(minPrice, after);
            run = recorder.StepLiquidations > 0 ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
            peakVolume = Math.Max(peakVolume, recorder.StepVolume);
            peakUnfilled = Math.Max(peakUnfilled, Backlog(ledger, index.Liquidatable, ratio));
            if (series is not null)
            {
                series.Exogenous[t] = path.Market[t];
                series.Price[t] = after;
                series.CumulativeBadDebt[t] = recorder.RealizedBadDebt;
                series.Volume[t] = recorder.StepVolume;
            }

            if ((t + 1) % ProgressEvery == 0)
            {
                setup.Progress?.Add(ProgressEvery);
            }
        }

        setup.Progress?.Add(steps % ProgressEvery);
        (policy as IDisposable)?.Dispose();
        var finalMid = market.Mid;
        var exogenousMin = path.MarketMinimum;
        var metrics = new double[MetricInfo.Count];
        metrics[(int)Metric.BadDebt] = BadDebt(ledger, finalMid);
        metrics[(int)Metric.AccountsLiquidated] = recorder.AccountsLiquidated;
        metrics[(int)Metric.Liquidations] = recorder.Liquidations;
        metrics[(int)Metric.CollateralSold] = recorder.CollateralSold;
        metrics[(int)Metric.SaleProceeds] = recorder.Proceeds;
        metrics[(int)Metric.BorrowerLoss] = recorder.BorrowerLoss;
        metrics[(int)Metric.KeeperIncentives] = (double)ledger.KeeperIncentives;
        metrics[(int)Metric.MinPrice] = minPrice;
        metrics[(int)Metric.ExogenousMinPrice] = exogenousMin;
        metrics[(int)Metric.InducedDrawdown] = Math.Max(0, 1 - (minPrice / exogenousMin));
        metrics[(int)Metric.Drawdown] = Math.Max(0, 1 - (minPrice / initialPrice));
        metrics[(int)Metric.PeakStepVolume] = peakVolume;
        metrics[(int)Metric.CascadeRounds] = longestRun;
        metrics[(int)Metric.TimeToClearMinutes] = firstLiquidatable < 0 ? 0 : (lastLiquidatable - firstLiquidatable + 1) * path.Step.TotalMinutes;
        metrics[(int)Metric.PeakUnfilled] = peakUnfilled;
        metrics[(int)Metric.NearZeroSales] = recorder.NearZeroUnits;
        metrics[(int)Metric.PoolAbsorption] = recorder.PoolAbsorption;
        metrics[(int)Metric.InsuranceAbsorption] = recorder.InsuranceAbsorption;
        metrics[(int)Metric.AvoidableLiquidations] = Avoidable(recorder, initialTriggers, exogenousMin);
        if (series is not null)
        {
            series = series with { HealthAfter = Histogram(ledger, ratio) };
        }

        return new RunResult(metrics, series, ledger.CheckConservation());
    }

    /// <summary>
    /// The book of a world: exponent β from the parameters, scaled so that the notional within the reference distance
    /// of the initial price is the population's debt over <see cref="MarketParameters.DebtToDepth"/>. Depth is held
    /// in collateral units, so its notional falls with the price.
    /// </summary>
    public static DepthProfile Profile(MarketParameters parameters, Population.AccountPopulation population, double initialPrice)
    {
        var notional = (double)population.TotalDebt / parameters.DebtToDepth;
        return DepthProfile.WithDepthAt(parameters.DepthExponent, parameters.DepthReferenceDistance, Math.Max(notional, 1e-9) / initialPrice);
    }

    // Debt of accounts still liquidatable after the step's actions: liquidation demand the policy left unfilled.
    private static double Backlog(Ledger ledger, ReadOnlySpan<int> listed, double ratio)
    {
        var triggers = ledger.Triggers;
        var backlog = 0.0;
        foreach (var a in listed)
        {
            if (ledger.IsOpen(a) && triggers[a] >= ratio)
            {
                backlog += ledger.Debt(a);
            }
        }

        return backlog;
    }

    // Debt left uncovered by collateral at the final mid, account by account (no insurance: it acts through Cover).
    private static double BadDebt(Ledger ledger, double finalMid)
    {
        var total = 0.0;
        for (var i = 0; i < ledger.Count; i++)
        {
            var shortfall = ledger.Debt(i) - (ledger.Collateral(i) * finalMid);
            if (shortfall > 0)
            {
                total += shortfall;
            }
        }

        return total;
    }

    // Liquidated accounts whose liquidation price the exogenous path alone never reached.
    private static double Avoidable(RunRecorder recorder, double[] initialTriggers, double exogenousMin)
    {
        var count = 0;
        for (var i = 0; i < initialTriggers.Length; i++)
        {
            if (recorder.WasLiquidated(i) && initialTriggers[i] < exogenousMin)
            {
                count++;
            }
        }

        return count;
    }

    private static int[] Histogram(Ledger ledger, double ratio)
    {
        var counts = new int[HealthBands.Labels.Count];
        var triggers = ledger.Triggers;
        for (var i = 0; i < ledger.Count; i++)
        {
            counts[HealthBands.Of(ledger.IsOpen(i), triggers[i], ratio)]++;
        }

        return counts;
    }
}
