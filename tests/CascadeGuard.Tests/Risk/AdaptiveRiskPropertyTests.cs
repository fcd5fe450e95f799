using CascadeGuard.Risk;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Risk;

public class AdaptiveRiskPropertyTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal readonly record struct Step(int AdvanceSeconds, RiskInputs Inputs);

    private static readonly Gen<Step> GenStep = Gen.Select(
        Gen.Int[0, 150],
        Gen.Double[0, 3],
        Gen.Double[0, 1],
        Gen.Double[0, 1],
        (a, v, p, c) => new Step(a, new RiskInputs(v, p, c)));

    /// <summary>Default mapping with a random subset pinned (bit i of the mask pins parameter i at its minimum).</summary>
    private static AdaptiveRiskOptions Options(int pinMask)
    {
        var o = new AdaptiveRiskOptions();
        for (var i = 0; i < AdaptiveRiskParameters.ParameterCount; i++)
        {
            if ((pinMask & (1 << i)) != 0)
            {
                var m = o.For((RiskParameterKind)i);
                m.PinnedValue = m.Minimum;
            }
        }

        return o;
    }

    [Fact]
    public void Values_stay_in_bounds_move_at_most_one_step_per_interval_and_every_move_is_recorded()
    {
        Gen.Select(Gen.Int[0, 15], GenStep.Array[1, 120]).Sample((pinMask, steps) =>
        {
            var options = Options(pinMask);
            var clock = new FakeTimeProvider(Start);
            var risk = new AdaptiveRiskParameters(options, clock);
            var changes = new RiskParameterChange[4];
            var replayed = new double[4];
            for (var i = 0; i < 4; i++)
            {
                replayed[i] = risk.Current[(RiskParameterKind)i];
            }

            DateTimeOffset? lastEvaluation = null;
            foreach (var step in steps)
            {
                clock.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                var before = risk.Current;
                var u = risk.Update(step.Inputs, changes);
                if (u.Evaluated)
                {
                    if (lastEvaluation is { } last)
                    {
                        (clock.GetUtcNow() - last).Should().BeGreaterThanOrEqualTo(options.Interval);
                    }

                    lastEvaluation = clock.GetUtcNow();
                }
                else
                {
                    u.ChangeCount.Should().Be(0);
                    risk.Current.Should().Be(before);
                }

                foreach (var c in changes.AsSpan(0, u.ChangeCount))
                {
                    c.Previous.Should().Be(replayed[(int)c.Kind]);
                    c.Inputs.Should().Be(step.Inputs);
                    replayed[(int)c.Kind] = c.Current;
                }

                for (var i = 0; i < 4; i++)
                {
                    var kind = (RiskParameterKind)i;
                    var m = options.For(kind);
                    var value = risk.Current[kind];
                    value.Should().Be(replayed[i], "every move has a record");
                    value.Should().BeInRange(m.Minimum, m.Maximum);
                    Math.Abs(value - before[kind]).Should().BeLessThanOrEqualTo(m.MaxChangePerInterval);
                    if (m.PinnedValue is { } pinned)
                    {
                        value.Should().Be(pinned);
                    }
                }
            }
        }, iter: 1500, threads: 1);
    }

    [Fact]
    public void Snapshot_and_restore_give_identical_future_updates()
    {
        Gen.Select(Gen.Int[0, 15], GenStep.Array[0, 40], GenStep.Array[1, 40]).Sample((pinMask, before, after) =>
        {
            var clockA = new FakeTimeProvider(Start);
            var a = new AdaptiveRiskParameters(Options(pinMask), clockA);
            var ca = new RiskParameterChange[4];
            foreach (var step in before)
            {
                clockA.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                a.Update(step.Inputs, ca);
            }

            var clockB = new FakeTimeProvider(clockA.GetUtcNow());
            var b = AdaptiveRiskParameters.Restore(a.SaveSnapshot(), clockB);
            var cb = new RiskParameterChange[4];
            foreach (var step in after)
            {
                clockA.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                clockB.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
                var ua = a.Update(step.Inputs, ca);
                var ub = b.Update(step.Inputs, cb);
                ub.Should().Be(ua);
                cb.AsSpan(0, ub.ChangeCount).SequenceEqual(ca.AsSpan(0, ua.ChangeCount)).Should().BeTrue();
            }

            b.SaveSnapshot().Should().Be(a.SaveSnapshot());
        }, iter: 500, threads: 1);
    }
}
