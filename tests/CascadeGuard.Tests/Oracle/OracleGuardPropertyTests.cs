using CascadeGuard.Feeds;
using CascadeGuard.Oracle;
using CascadeGuard.Tests.Support;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Oracle;

[Collection(AllocationMeasurements.Name)]
public class OracleGuardPropertyTests
{
    /// <summary>One step of a generated path: advance the clock, then offer a quote (or a broken one).</summary>
    internal readonly record struct Step(int AdvanceMillis, int Source, double Move, int Kind);

    private static readonly Gen<Step> GenStep = Gen.Select(
        Gen.Int[0, 4000],
        Gen.Int[0, 2],
        Gen.Double[-0.4, 0.4],
        Gen.Int[0, 9],
        (a, s, m, k) => new Step(a, s, m, k));

    private static readonly Gen<OracleGuardOptions> GenOptions = Gen.Select(
        Gen.Int[0, 2],
        Gen.Int[1, 3],
        Gen.Int[0, 1],
        Gen.Double[0.05, 0.3],
        Gen.Int[1, 4],
        Gen.Int[4, 12],
        (smoothing, sources, delay, deviation, confirm, capacity) => new OracleGuardOptions
        {
            Smoothing = (OracleSmoothing)smoothing,
            SourceCount = sources,
            Delay = TimeSpan.FromSeconds(5 * delay),
            MaxDeviation = deviation,
            ConfirmationQuotes = confirm,
            Capacity = capacity,
            TwapWindow = TimeSpan.FromSeconds(20),
            EmaHalfLife = TimeSpan.FromSeconds(7),
            MaxStaleness = TimeSpan.FromSeconds(10),
        });

    /// <summary>Applies one step; kinds 0–6 are ordinary quotes, 7 a NaN, 8 an out-of-order stamp, 9 a time-only step.</summary>
    private static OracleUpdate? Apply(OracleGuard guard, FakeTimeProvider clock, ref double level, Step step)
    {
        clock.Advance(TimeSpan.FromMilliseconds(step.AdvanceMillis));
        var source = step.Source % guard.SourceCount;
        var now = clock.GetUtcNow();
        switch (step.Kind)
        {
            case 9:
                return null;
            case 7:
                return guard.Update(new PriceQuote(OracleHarness.Eth, double.NaN, now), source);
            case 8:
                return guard.Update(new PriceQuote(OracleHarness.Eth, level, now - TimeSpan.FromSeconds(30)), source);
            default:
                // Mostly small moves, sometimes a large jump (wick or real move).
                level *= 1 + (step.Kind < 5 ? step.Move / 20 : step.Move);
                return guard.Update(new PriceQuote(OracleHarness.Eth, level, now), source);
        }
    }

    [Fact]
    public void Snapshot_and_restore_give_identical_future_decisions()
    {
        Gen.Select(GenOptions, GenStep.Array[1, 80], GenStep.Array[1, 80]).Sample((options, before, after) =>
        {
            var clockA = new FakeTimeProvider(OracleHarness.Start);
            var a = new OracleGuard(OracleHarness.Eth, options, clockA);
            var level = 100.0;
            foreach (var step in before)
            {
                Apply(a, clockA, ref level, step);
            }

            var clockB = new FakeTimeProvider(clockA.GetUtcNow());
            var b = OracleGuard.Restore(a.SaveSnapshot(), clockB);
            b.Decide().Should().Be(a.Decide());
            var levelB = level;
            foreach (var step in after)
            {
                var ua = Apply(a, clockA, ref level, step);
                var ub = Apply(b, clockB, ref levelB, step);
                ub.Should().Be(ua);
                b.Decide().Should().Be(a.Decide());
            }

            b.Statistics.Should().Be(a.Statistics);
            b.SaveSnapshot().Should().Be(a.SaveSnapshot());
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Twap_matches_a_direct_integration_of_the_quotes()
    {
        // Every quote admitted (deviation check off), capacity large enough that nothing coalesces (resolution
        // (20 s + 2 s skew) / 4094 ≈ 5 ms < the 100 ms minimum gap). The reference integrates the step function
        // directly over [max(τ − W, t0), τ].
        var gen = Gen.Select(Gen.Int[100, 5000], Gen.Double[50, 150]).Array[1, 120];
        gen.Select(Gen.Int[0, 40_000]).Sample((quotes, queryAfterMillis) =>
        {
            var window = TimeSpan.FromSeconds(20);
            var h = new OracleHarness(new OracleGuardOptions
            {
                TwapWindow = window,
                MaxDeviation = double.PositiveInfinity,
                Capacity = 4096,
            });
            var times = new double[quotes.Length];
            var prices = new double[quotes.Length];
            var t = 0.0;
            for (var i = 0; i < quotes.Length; i++)
            {
                var (gap, price) = quotes[i];
                h.QuoteAfter(TimeSpan.FromMilliseconds(gap), price).Accepted.Should().BeTrue();
                t += gap / 1000.0;
                times[i] = t;
                prices[i] = price;
            }

            var decision = h.DecideAfter(TimeSpan.FromMilliseconds(queryAfterMillis));
            var tau = t + (queryAfterMillis / 1000.0);
            decision.Price.Should().BeApproximately(DirectTwap(times, prices, tau, window.TotalSeconds), 1e-9 * decision.Price);
        }, iter: 2000, threads: 1);
    }

    private static double DirectTwap(double[] times, double[] prices, double tau, double window)
    {
        var start = Math.Max(tau - window, times[0]);
        if (tau == start)
        {
            return prices[^1];
        }

        var area = 0.0;
        for (var i = 0; i < times.Length; i++)
        {
            var segmentEnd = i + 1 < times.Length ? times[i + 1] : tau;
            var overlap = Math.Min(segmentEnd, tau) - Math.Max(times[i], start);
            if (overlap > 0)
            {
                area += prices[i] * overlap;
            }
        }

        return area / (tau - start);
    }

    [Fact]
    public void Updates_allocate_nothing_in_steady_state()
    {
        var h = new OracleHarness(new OracleGuardOptions { SourceCount = 3, MaxDeviation = double.PositiveInfinity });
        for (var i = 0; i < 2000; i++)
        {
            h.QuoteAfter(TimeSpan.FromMilliseconds(250), 100 + (i % 7), i % 3);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2000; i++)
        {
            h.QuoteAfter(TimeSpan.FromMilliseconds(250), 100 + (i % 7), i % 3);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Theory]
    [InlineData("not json", "*not valid*")]
    [InlineData("null", "*'snapshot'*")]
    [InlineData("""{"version":2}""", "*'version'*must be 1*was 2*")]
    public void Restore_rejects_malformed_documents(string json, string message)
    {
        var act = () => OracleGuard.Restore(json);
        act.Should().Throw<ArgumentException>().WithParameterName(nameof(json)).WithMessage(message);
    }

    [Theory]
    [InlineData("\"prices\":[100]", "\"prices\":[-100]", "*'prices[0]'*")]
    [InlineData("\"ticks\":[", "\"ticks\":[1,", "*'prices.length'*")]
    [InlineData("\"pendingDirection\":0", "\"pendingDirection\":2", "*'pendingDirection'*")]
    [InlineData("\"sourceCount\":1", "\"sourceCount\":2", "*'sourceTicks.length'*")]
    [InlineData("\"capacity\":256", "\"capacity\":2", "*Capacity*")]
    public void Restore_rejects_impossible_states(string find, string replace, string message)
    {
        var h = new OracleHarness(new OracleGuardOptions());
        h.Quote(100);
        var json = h.Guard.SaveSnapshot();
        json.Should().Contain(find);
        var act = () => OracleGuard.Restore(json.Replace(find, replace, StringComparison.Ordinal));
        act.Should().Throw<ArgumentException>().WithMessage(message);
    }
}
