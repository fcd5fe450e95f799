using CascadeGuard.Exits;

namespace CascadeGuard.Tests.Exits;

/// <summary>
/// What every <see cref="IExitTrajectory"/> promises, run against each implementation: holdings start at the quantity, never
/// increase, never go negative, end at the returned remainder, trades sum to what was sold, and bad input writes nothing.
/// </summary>
public abstract class ExitTrajectoryContract<TTrajectory>
    where TTrajectory : struct, IExitTrajectory
{
    /// <summary>The rule under test, able to fill up to 256 intervals.</summary>
    protected abstract TTrajectory Create();

    /// <summary>Whether the rule always sells everything (x_N = 0).</summary>
    protected virtual bool Completes => true;

    [Fact]
    public void Every_length_from_one_to_256_intervals_keeps_the_contract()
    {
        var rule = Create();
        for (int periods = 1; periods <= 256; periods++)
        {
            var holdings = new double[periods + 1];
            double left = Fill(rule, 12_345.678, holdings);
            CheckShape(holdings, 12_345.678, left, periods);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-300)]
    [InlineData(1.0)]
    [InlineData(1e15)]
    public void Extreme_quantities_keep_the_contract(double quantity)
    {
        var holdings = new double[11];
        double left = Fill(Create(), quantity, holdings);
        CheckShape(holdings, quantity, left, 10);
    }

    [Fact]
    public void Zero_quantity_holds_nothing()
    {
        var holdings = new double[8];
        Fill(Create(), 0, holdings).Should().Be(0);
        holdings.Should().OnlyContain(x => x == 0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1.0)]
    public void Bad_quantity_throws_naming_it_and_writes_nothing(double quantity)
    {
        var holdings = new double[6];
        holdings.AsSpan().Fill(7);
        var act = () => Fill(Create(), quantity, holdings);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("quantity");
        holdings.Should().OnlyContain(x => x == 7);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Fewer_than_two_holdings_throw(int length)
    {
        var holdings = new double[length];
        var act = () => Fill(Create(), 1, holdings);
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("holdings");
    }

    /// <summary>Through the generic constraint, as a scheduler would call it: no boxing.</summary>
    private static double Fill(TTrajectory rule, double quantity, double[] holdings) => FillGeneric(rule, quantity, holdings);

    private static double FillGeneric<T>(T rule, double quantity, Span<double> holdings)
        where T : struct, IExitTrajectory => rule.WriteHoldings(quantity, holdings);

    private void CheckShape(double[] holdings, double quantity, double left, int periods)
    {
        holdings[0].Should().Be(quantity);
        holdings[periods].Should().Be(left);
        if (Completes)
        {
            left.Should().Be(0);
        }

        for (int k = 1; k <= periods; k++)
        {
            holdings[k].Should().BeGreaterThanOrEqualTo(0);
            holdings[k].Should().BeLessThanOrEqualTo(holdings[k - 1], "holdings never increase (k = {0}, N = {1})", k, periods);
        }

        var trades = new double[periods];
        ExitTrajectory.Trades(holdings, trades);
        double sold = 0;
        foreach (double n in trades)
        {
            n.Should().BeGreaterThanOrEqualTo(0);
            sold += n;
        }

        sold.Should().BeApproximately(quantity - left, Math.Max(quantity, 1e-300) * 1e-12);
    }
}

public sealed class ImmediateExitContractTests : ExitTrajectoryContract<ImmediateExit>
{
    protected override ImmediateExit Create() => default;
}

public sealed class TwapExitContractTests : ExitTrajectoryContract<TwapExit>
{
    protected override TwapExit Create() => default;
}

public sealed class ParticipationExitContractTests : ExitTrajectoryContract<ParticipationExit>
{
    protected override bool Completes => false;

    protected override ParticipationExit Create()
    {
        var volumes = new double[256];
        for (int k = 0; k < volumes.Length; k++)
        {
            volumes[k] = 100 + (37 * (k % 11)); // uneven, and too little for the larger quantities
        }

        return new ParticipationExit(0.25, volumes);
    }
}

public sealed class AlmgrenChrissExitContractTests : ExitTrajectoryContract<AlmgrenChrissExit>
{
    protected override AlmgrenChrissExit Create() => new(new LinearImpactModel(0.95, 2.5e-7, 2.5e-6, 0.0625), 1e-6, 5);
}

/// <summary>κT in the thousands: the overflow-free branch of the sinh ratio.</summary>
public sealed class UrgentAlmgrenChrissExitContractTests : ExitTrajectoryContract<AlmgrenChrissExit>
{
    protected override AlmgrenChrissExit Create() => new(new LinearImpactModel(0.95, 2.5e-7, 2.5e-6, 0.0625), 1e3, 5);
}

/// <summary>λ so small that κT ≈ 10⁻⁹: next to TWAP, far from it numerically.</summary>
public sealed class NearlyRiskNeutralAlmgrenChrissExitContractTests : ExitTrajectoryContract<AlmgrenChrissExit>
{
    protected override AlmgrenChrissExit Create() => new(new LinearImpactModel(0.95, 2.5e-7, 2.5e-6, 0.0625), 1e-24, 5);
}
