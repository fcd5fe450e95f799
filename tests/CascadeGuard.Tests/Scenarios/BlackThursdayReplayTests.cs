using System.Globalization;
using CascadeGuard.Breaker;
using CascadeGuard.Feeds;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;
using CascadeGuard.Risk;
using CascadeGuard.Tests.Support;
using CascadeGuard.Volatility;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Scenarios;

/// <summary>
/// The components of issue 7 together on real data: ETH/USD 10-minute bars and Ethereum gas prices of
/// 2020-03-12 (Black Thursday) replayed through the oracle guard, Yang–Zhang volatility, the congestion signal, the
/// adaptive parameters and the circuit breaker, one bar at a time on a fake clock.
/// </summary>
public class BlackThursdayReplayTests
{
    private sealed record Step(string Time, double Price, OracleStatus Oracle, double Volatility, double Congestion, BreakerState State, RiskParameterSet Parameters);

    private static List<Step> Replay(List<BreakerTransition> transitions, List<RiskParameterChange> changes, CircuitBreakerOptions breakerOptions)
    {
        var bars = MarketData.EthTenMinute("2020-03-12");
        var gas = MarketData.GasAverageGwei("2020-03-12");
        var start = DateTimeOffset.Parse(bars[0].Start, CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(start);
        var eth = new AssetId(0);
        var oracle = new OracleGuard(eth, new OracleGuardOptions
        {
            MaxStaleness = TimeSpan.FromMinutes(15),
            TwapWindow = TimeSpan.FromMinutes(20),
            ConfirmationQuotes = 2,
        }, clock);
        var volatility = new YangZhangVolatility(6);
        var congestion = new CongestionSignal(new CongestionSignalOptions { Baseline = 10, SaturationMultiple = 20 });
        var risk = new AdaptiveRiskParameters(new AdaptiveRiskOptions { Interval = TimeSpan.FromMinutes(10) }, clock);
        breakerOptions.PriceDropWindow = TimeSpan.FromHours(1);
        var breaker = new CircuitBreaker(breakerOptions, clock);
        var buffer = new RiskParameterChange[AdaptiveRiskParameters.ParameterCount];
        var steps = new List<Step>();
        for (var i = 0; i < bars.Count; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            var bar = bars[i].Bar;
            var decision = oracle.Update(new PriceQuote(eth, bar.Close, clock.GetUtcNow())).Decision;
            volatility.Update(bar);
            var sigma = volatility.IsReady ? VolatilityEstimators.Annualize(volatility.Variance, 52_560) : 0;
            var c = congestion.Update(gas[i]);
            var update = risk.Update(new RiskInputs(sigma, 0.3, c), buffer);
            changes.AddRange(buffer.AsSpan(0, update.ChangeCount).ToArray());
            var e = breaker.Evaluate(new BreakerInputs(decision.CanLiquidate ? decision.Price : 0, sigma, 0.3, 0, 1, decision.Status));
            if (e.Transitioned)
            {
                transitions.Add(e.Transition);
            }

            steps.Add(new Step(clock.GetUtcNow().ToString("HH:mm", CultureInfo.InvariantCulture), decision.Price, decision.Status, sigma, c, e.Decision.State, update.Parameters));
        }

        return steps;
    }

    [Fact]
    public void A_volatility_halt_level_halts_market_sales_for_the_rest_of_the_day()
    {
        // A host that opts into halting on volatility 3.0 (the default throttles only).
        var transitions = new List<BreakerTransition>();
        var changes = new List<RiskParameterChange>();
        var steps = Replay(transitions, changes, new CircuitBreakerOptions { Volatility = new BreakerThresholds(1.5, 1.0, 3.0, 2.0) });

        // Pinned outcome of this replay (a golden scenario: regenerate only on purpose). Volatility (Yang–Zhang over
        // one hour of 10-minute bars, annualised) throttles twice in the morning and halts at 10:40 UTC, as ETH
        // breaks down from 163; it stays above the 2.0 halt exit for the rest of the day, so market sales stay halted
        // while the price falls to 101 — which is why the default does not halt on volatility: in the cascade simulator
        // such a halt leaves bad debt on this day that liquidating on leaves none of (docs/circuit-breaker.md).
        transitions.Select(t => (t.From, t.To, t.Reason, t.Time.ToString("HH:mm", CultureInfo.InvariantCulture))).Should().Equal(
            (BreakerState.Normal, BreakerState.Throttled, BreakerReason.Volatility, "02:20"),
            (BreakerState.Throttled, BreakerState.Normal, BreakerReason.Recovered, "03:50"),
            (BreakerState.Normal, BreakerState.Throttled, BreakerReason.Volatility, "06:40"),
            (BreakerState.Throttled, BreakerState.Halted, BreakerReason.Volatility, "10:40"));
        steps.SkipWhile(s => s.Time != "10:40").Should().OnlyContain(s => s.State == BreakerState.Halted);
        steps.Should().OnlyContain(s => s.Oracle == OracleStatus.Smoothed || s.Oracle == OracleStatus.Confirmed || s.Oracle == OracleStatus.DeviationHeld);

        // Parameters: always within bounds; gas congestion and volatility take the penalty to its stressed 10 % and
        // participation down to its stressed 3 %; every change was recorded.
        var defaults = new AdaptiveRiskOptions();
        foreach (var step in steps)
        {
            for (var k = 0; k < AdaptiveRiskParameters.ParameterCount; k++)
            {
                var kind = (RiskParameterKind)k;
                step.Parameters[kind].Should().BeInRange(defaults.For(kind).Minimum, defaults.For(kind).Maximum);
            }
        }

        steps.First(s => s.Parameters.LiquidationPenalty == 0.10).Time.Should().Be("08:50");
        steps.First(s => s.Parameters.ThrottleParticipation == 0.03).Time.Should().Be("15:30");
        steps[^1].Parameters.LiquidationThreshold.Should().Be(0.80);
        changes.Should().OnlyContain(c => Math.Abs(c.Current - c.Previous) <= defaults.For(c.Kind).MaxChangePerInterval);
    }

    [Fact]
    public void With_the_default_levels_the_crash_throttles_market_sales_but_never_halts_them()
    {
        var transitions = new List<BreakerTransition>();
        var steps = Replay(transitions, [], new CircuitBreakerOptions());
        transitions.Should().NotBeEmpty();
        transitions.Should().OnlyContain(t => t.To != BreakerState.Halted);
        steps.Should().OnlyContain(s => s.State != BreakerState.Halted);
        steps.SkipWhile(s => s.Time != "10:40").Should().OnlyContain(s => s.State == BreakerState.Throttled, "volatility stays above the throttle exit");
    }
}
