using CascadeGuard.Primitives;
using CascadeGuard.Throttling;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using static CascadeGuard.Tests.Throttling.ThrottleFixture;

namespace CascadeGuard.Tests.Throttling;

/// <summary>
/// Model-based tests: random sequences of reservations, fills, cancels, clock moves, volume, depth and condition updates
/// run against the throttle and a plain model of the leases. Every step checks conservation, the lease rules, that grants
/// never exceed what was available, and that a refusal's retry time is exact (a restored copy at that instant grants, one
/// tick earlier it does not).
/// </summary>
public class ThrottleModelTests
{
    private abstract record Op;

    private sealed record Reserve(double Quantity, double MinimumShare) : Op;

    private sealed record Fill(int Pick, double Share, double Price) : Op;

    private sealed record Cancel(int Pick) : Op;

    private sealed record Wait(long Milliseconds) : Op;

    private sealed record Trade(double Quantity) : Op;

    private sealed record Book(double Depth, double Price) : Op;

    private sealed record Conditions(double Volatility, double Vpin) : Op;

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (6, Gen.Select(Gen.Double[0.1, 60], Gen.Double[0.05, 1]).Select(Op (q, m) => new Reserve(q, m))),
        (5, Gen.Select(Gen.Int[0, 40], Gen.Double[0, 1.2], Gen.Double[900, 1100]).Select(Op (p, s, price) => new Fill(p, s, price))),
        (3, Gen.Int[0, 40].Select(Op (p) => new Cancel(p))),
        (4, Gen.Long[0, 40_000].Select(Op (ms) => new Wait(ms))),
        (2, Gen.Double[0, 2000].Select(Op (q) => new Trade(q))),
        (2, Gen.Select(Gen.Double[0, 200], Gen.Double[900, 1100]).Select(Op (d, p) => new Book(d, p))),
        (1, Gen.Select(Gen.Double[0, 2], Gen.Double[0, 1]).Select(Op (v, t) => new Conditions(v, t))));

    /// <summary>Profile 0 mixes all three terms; profile 1 has the depth term alone, so refusals wait on recovery.</summary>
    private static VolumeThrottleOptions Options(int profile = 0) => profile == 1
        ? new VolumeThrottleOptions
        {
            DepthParticipation = 0.5,
            VolumeParticipation = double.PositiveInfinity,
            RecoveryHalfLife = TimeSpan.FromSeconds(30),
            MaxDepthAge = TimeSpan.FromSeconds(90),
            MaxOpenLeases = 8,
        }
        : new VolumeThrottleOptions
    {
        DepthParticipation = 0.5,
        VolumeParticipation = 0.3,
        VolumeWindow = TimeSpan.FromSeconds(60),
        VolumeWindowBuckets = 6,
        MaxNotionalPerInterval = 40_000,
        NotionalInterval = TimeSpan.FromSeconds(45),
        RecoveryHalfLife = TimeSpan.FromSeconds(30),
        MaxDepthAge = TimeSpan.FromSeconds(50),
        MaxOpenLeases = 8,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Random_sequences_conserve_in_flight_and_follow_the_lease_rules(int profile)
    {
        Gen.Select(Ops.Array[1, 60], Gen.Double[50, 200]).Sample((ops, depth) =>
        {
            var time = new FakeTimeProvider(T0);
            var throttle = new VolumeThrottle(new MarketId(2), Options(profile), time);
            throttle.UpdateDepth(depth, 1000, T0);
            throttle.RecordMarketVolume(500);
            var model = new LeaseModel();
            foreach (var op in ops)
            {
                Step(throttle, time, model, op);
                var stats = throttle.GetStatistics();
                stats.Available.Should().BeGreaterThanOrEqualTo(0);
                stats.OpenLeases.Should().Be(model.Open.Count);
                stats.InFlight.Should().BeApproximately(model.Open.Values.Sum(), 1e-9 * Math.Max(1, stats.Granted));
                (stats.Committed + stats.Released + stats.InFlight).Should().BeApproximately(stats.Granted, 1e-9 * Math.Max(1, stats.Granted));
                stats.GrantedCount.Should().Be(model.Issued.Count);
                stats.DeniedCount.Should().Be(model.Denied);
                if (model.Open.Count == 0)
                {
                    stats.InFlight.Should().Be(0);
                }
            }
        }, iter: 250);
    }

    [Fact]
    public void Restored_throttle_answers_exactly_as_the_original()
    {
        Gen.Select(Ops.Array[2, 50], Gen.Int[0, 49], Gen.Double[50, 200]).Sample((ops, split, depth) =>
        {
            var time = new FakeTimeProvider(T0);
            var original = new VolumeThrottle(new MarketId(2), Options(), time);
            original.UpdateDepth(depth, 1000, T0);
            original.RecordMarketVolume(500);
            var model = new LeaseModel();
            split = Math.Min(split, ops.Length - 1);
            foreach (var op in ops[..split])
            {
                Step(original, time, model, op);
            }

            var json = original.SaveSnapshot();
            var cloneTime = new FakeTimeProvider(time.GetUtcNow());
            var clone = VolumeThrottle.Restore(json, cloneTime);
            clone.SaveSnapshot().Should().Be(json);
            var cloneModel = model.Copy();
            foreach (var op in ops[split..])
            {
                var a = Step(original, time, model, op, checkRetry: false);
                var b = Step(clone, cloneTime, cloneModel, op, checkRetry: false);
                b.Should().Be(a);
                clone.GetStatistics().Should().Be(original.GetStatistics());
            }

            clone.SaveSnapshot().Should().Be(original.SaveSnapshot());
        }, iter: 200);
    }

    /// <summary>Applies one operation, checks it against the model, and returns what the throttle answered.</summary>
    private static object? Step(VolumeThrottle throttle, FakeTimeProvider time, LeaseModel model, Op op, bool checkRetry = true)
    {
        switch (op)
        {
            case Reserve(var quantity, var share):
            {
                var minimum = quantity * share;
                var before = throttle.Available;
                var lease = throttle.TryReserve(quantity, minimum);
                lease.Available.Should().Be(before);
                if (lease.IsGranted)
                {
                    lease.Quantity.Should().BeLessThanOrEqualTo(Math.Min(quantity, before)).And.BeGreaterThanOrEqualTo(minimum);
                    lease.Id.Value.Should().Be(model.Issued.Count + 1);
                    model.Issued.Add(lease.Id.Value);
                    model.Open[lease.Id.Value] = lease.Quantity;
                }
                else
                {
                    model.Denied++;
                    if (lease.Reason != ThrottleReason.TooManyLeases)
                    {
                        before.Should().BeLessThan(minimum);
                    }

                    if (checkRetry && lease.RetryAt is { } retry)
                    {
                        retry.Should().BeAfter(time.GetUtcNow());
                        GrantsAt(throttle, retry, minimum).Should().BeTrue();
                        GrantsAt(throttle, retry - TimeSpan.FromTicks(1), minimum).Should().BeFalse();
                    }
                }

                return lease;
            }

            case Fill(var pick, var share, var price):
            {
                var id = model.Pick(pick);
                var quantity = model.Open.TryGetValue(id, out var open) ? open * share : 1;
                if (quantity <= 0)
                {
                    return null;
                }

                var result = throttle.Commit(new LeaseId(id), quantity, price);
                result.Status.Should().Be(model.Expect(id, quantity));
                if (result.IsApplied)
                {
                    var left = open - quantity;
                    result.Remaining.Should().Be(left);
                    if (left == 0)
                    {
                        model.Open.Remove(id);
                    }
                    else
                    {
                        model.Open[id] = left;
                    }
                }

                return result;
            }

            case Cancel(var pick):
            {
                var id = model.Pick(pick);
                var result = throttle.Release(new LeaseId(id));
                result.Status.Should().Be(model.Expect(id, 0));
                if (result.IsApplied)
                {
                    result.Released.Should().Be(model.Open[id]);
                    model.Open.Remove(id);
                }

                return result;
            }

            case Wait(var ms):
                time.Advance(TimeSpan.FromMilliseconds(ms));
                return null;
            case Trade(var quantity):
                throttle.RecordMarketVolume(quantity);
                return null;
            case Book(var depth, var price):
                return throttle.UpdateDepth(depth, price, time.GetUtcNow());
            case Conditions(var volatility, var vpin):
                throttle.UpdateConditions(new ThrottleConditions(volatility, vpin));
                return null;
            default:
                throw new InvalidOperationException(op.ToString());
        }
    }

    /// <summary>Whether a copy of the throttle, restored at <paramref name="at"/> with nothing else happening, grants the request.</summary>
    private static bool GrantsAt(VolumeThrottle throttle, DateTimeOffset at, double minimum)
    {
        var copy = VolumeThrottle.Restore(throttle.SaveSnapshot(), new FakeTimeProvider(at));
        return copy.TryReserve(minimum, minimum).IsGranted;
    }

    private sealed class LeaseModel
    {
        public Dictionary<long, double> Open { get; private init; } = [];

        public List<long> Issued { get; private init; } = [];

        public long Denied { get; set; }

        /// <summary>An issued id most of the time, sometimes one never issued.</summary>
        public long Pick(int pick) => pick < Issued.Count ? Issued[pick] : 1000 + pick;

        public LeaseUpdateStatus Expect(long id, double quantity) =>
            Open.TryGetValue(id, out var open)
                ? quantity > open ? LeaseUpdateStatus.ExceedsLease : LeaseUpdateStatus.Applied
                : Issued.Contains(id) ? LeaseUpdateStatus.LeaseClosed : LeaseUpdateStatus.UnknownLease;

        public LeaseModel Copy() => new() { Open = new(Open), Issued = [.. Issued], Denied = Denied };
    }
}
