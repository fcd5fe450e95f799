using CascadeGuard.Auctions;
using CsCheck;

namespace CascadeGuard.Tests.Auctions;

/// <summary>What every price curve promises: factor 1 at the start, in [0, 1], never increasing; price never below the
/// floor, never above the rounded start price, never increasing.</summary>
public abstract class AuctionPriceCurveContract
{
    protected abstract AuctionPriceCurve Create();

    [Fact]
    public void Factor_is_one_at_the_start_and_stays_in_zero_to_one()
    {
        var curve = Create();
        curve.Factor(TimeSpan.Zero).Should().Be(1m);
        Gen.Long[0, TimeSpan.FromDays(30).Ticks].Sample(t =>
        {
            decimal f = curve.Factor(TimeSpan.FromTicks(t));
            return f >= 0m && f <= 1m;
        }, iter: 2000);
    }

    [Fact]
    public void Price_never_increases_and_never_leaves_floor_to_start()
    {
        var curve = Create();
        var gen = Gen.Select(
            Gen.Long[0, TimeSpan.FromHours(30).Ticks],
            Gen.Long[0, TimeSpan.FromHours(3).Ticks],
            Gen.Int[1, 1_000_000_000],
            Gen.Int[0, 100],
            Gen.Int[0, 12]);
        gen.Sample((t, dt, startUnits, floorPercent, decimals) =>
        {
            decimal start = startUnits / 1000m;
            decimal floor = decimal.Round(start * floorPercent / 100m, decimals, MidpointRounding.ToNegativeInfinity);
            decimal early = curve.Price(start, floor, TimeSpan.FromTicks(t), decimals);
            decimal later = curve.Price(start, floor, TimeSpan.FromTicks(t + dt), decimals);
            decimal top = decimal.Round(start, decimals, MidpointRounding.ToPositiveInfinity);
            return later <= early && later >= floor && early <= top;
        }, iter: 4000);
    }

    [Fact]
    public void Price_never_increases_tick_by_tick()
    {
        // Adjacent ticks are where a floating-point power could wobble; walk several runs of them.
        var curve = Create();
        Gen.Long[0, TimeSpan.FromHours(6).Ticks].Sample(t =>
        {
            decimal previous = curve.Price(987_654.321m, 0m, TimeSpan.FromTicks(t), 12);
            for (int k = 1; k <= 50; k++)
            {
                decimal next = curve.Price(987_654.321m, 0m, TimeSpan.FromTicks(t + k), 12);
                if (next > previous)
                {
                    return false;
                }

                previous = next;
            }

            return true;
        }, iter: 200);
    }
}

public sealed class LinearCurveContractTests : AuctionPriceCurveContract
{
    protected override AuctionPriceCurve Create() => AuctionPriceCurve.Linear(TimeSpan.FromMinutes(40));
}

public sealed class StairStepCurveContractTests : AuctionPriceCurveContract
{
    protected override AuctionPriceCurve Create() => AuctionPriceCurve.StairStepExponential(0.99, TimeSpan.FromSeconds(90));
}

public sealed class SlowestStairStepCurveContractTests : AuctionPriceCurveContract
{
    protected override AuctionPriceCurve Create() => AuctionPriceCurve.StairStepExponential(AuctionPriceCurve.MaxCut, TimeSpan.FromTicks(1));
}

public sealed class ExponentialCurveContractTests : AuctionPriceCurveContract
{
    protected override AuctionPriceCurve Create() => AuctionPriceCurve.Exponential(0.999, TimeSpan.FromSeconds(1));
}

public sealed class SlowestExponentialCurveContractTests : AuctionPriceCurveContract
{
    protected override AuctionPriceCurve Create() => AuctionPriceCurve.Exponential(Math.Exp(-1), TimeSpan.FromDays(99.99));
}
