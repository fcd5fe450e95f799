using CascadeGuard.Breaker;
using CascadeGuard.Oracle;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Breaker;

public class CircuitBreakerPropertyTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal readonly record struct Step(int AdvanceSeconds, double Move, double Volatility, double Vpin, double InFlight, int Oracle);

    /// <summary>Stress that swings across every level often, at irregular times from 0 to 3 minutes apart.</summary>
    private static readonly Gen<Step> GenStep = Gen.Select(
        Gen.Int[0, 180],
        Gen.Double[-0.08, 0.08],
        Gen.Double[0, 4],
        Gen.Double[0, 1],
        Gen.Double[0, 1.5],
        Gen.Int[0, 12],
        (a, m, v, p, f, o) => new Step(a, m, v, p, f, o));

    private static BreakerInputs Inputs(Step s, ref double price)
    {
        price = Math.Clamp(price * (1 + s.Move), 1, 1e6);
        var oracle = s.Oracle switch
        {
            10 => OracleStatus.DeviationHeld,
            11 => OracleStatus.StalePaused,
            12 => OracleStatus.Unavailable,
            _ => OracleStatus.Smoothed,
        };
        return new BreakerInputs(price, s.Volatility, s.Vpin, s.InFlight * 1000, 1000, oracle);
    }

    [Fact]
    public void Never_steps_down_before_the_dwell_time_for_any_input_path()
    {
        var options = new CircuitBreakerOptions();
        GenStep.Array[1, 200].Sample(steps =>
        {
            var clock = new FakeTimeProvider(Start);
            var b = new CircuitBreaker(options, clock);
            var state = BreakerState.Normal;
            var since = Start;
            var price = 100.0;
            foreach (var step in steps)
            {
                clock.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                var e = b.Evaluate(Inputs(step, ref price));
                if (!e.Transitioned)
                {
                    e.Decision.State.Should().Be(state);
                    continue;
                }

                var t = e.Transition;
                t.From.Should().Be(state);
                t.Time.Should().Be(clock.GetUtcNow());
                if (t.To < t.From)
                {
                    t.Reason.Should().Be(BreakerReason.Recovered);
                    (t.From - t.To).Should().Be(1, "steps down one level at a time");
                    var dwell = t.From == BreakerState.Halted ? options.HaltedMinDwell : options.ThrottledMinDwell;
                    (t.Time - since).Should().BeGreaterThanOrEqualTo(dwell);
                }
                else
                {
                    t.Reason.Should().NotBe(BreakerReason.Recovered).And.NotBe(BreakerReason.None);
                }

                state = t.To;
                since = t.Time;
                e.Decision.Should().Be(new BreakerDecision(state, since, state switch
                {
                    BreakerState.Normal => 1,
                    BreakerState.Throttled => options.ThrottledBudgetFactor,
                    _ => 0,
                }));
            }
        }, iter: 2000, threads: 1);
    }

    [Fact]
    public void Snapshot_and_restore_give_identical_future_decisions()
    {
        var options = new CircuitBreakerOptions { PriceCapacity = 8 };
        Gen.Select(GenStep.Array[0, 60], GenStep.Array[1, 60]).Sample((before, after) =>
        {
            var clockA = new FakeTimeProvider(Start);
            var a = new CircuitBreaker(options, clockA);
            var price = 100.0;
            foreach (var step in before)
            {
                clockA.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                a.Evaluate(Inputs(step, ref price));
            }

            var clockB = new FakeTimeProvider(clockA.GetUtcNow());
            var b = CircuitBreaker.Restore(a.SaveSnapshot(), clockB);
            b.Decision.Should().Be(a.Decision);
            var priceB = price;
            foreach (var step in after)
            {
                clockA.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                clockB.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                b.Evaluate(Inputs(step, ref priceB)).Should().Be(a.Evaluate(Inputs(step, ref price)));
            }

            b.SaveSnapshot().Should().Be(a.SaveSnapshot());
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Rolling_high_matches_a_direct_maximum_over_the_window()
    {
        // Capacity 64 over a 60 s window: resolution ceil(60 s / 62) < 1 s, and prices come at least 1 s apart, so
        // nothing is coalesced and the deque must agree exactly with a scan of every price in [t − 60 s, t].
        var gen = Gen.Select(Gen.Int[1, 30], Gen.Double[50, 150]).Array[1, 150];
        gen.Sample(points =>
        {
            var high = new RollingHigh(TimeSpan.FromSeconds(60), 64);
            var times = new List<long>();
            var prices = new List<double>();
            long t = 0;
            foreach (var (gap, price) in points)
            {
                t += TimeSpan.FromSeconds(gap).Ticks;
                times.Add(t);
                prices.Add(price);
                var expected = double.MinValue;
                for (var i = 0; i < times.Count; i++)
                {
                    if (times[i] >= t - TimeSpan.FromSeconds(60).Ticks)
                    {
                        expected = Math.Max(expected, prices[i]);
                    }
                }

                high.Add(t, price).Should().Be(expected);
                high.Count.Should().BeLessThanOrEqualTo(62);
            }
        }, iter: 2000, threads: 1);
    }
}
