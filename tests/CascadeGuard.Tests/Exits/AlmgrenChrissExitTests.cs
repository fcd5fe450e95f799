using CascadeGuard.Exits;
using CascadeGuard.Tests.Support;
using CsCheck;

namespace CascadeGuard.Tests.Exits;

[Collection(AllocationMeasurements.Name)]
public class AlmgrenChrissExitTests
{
    private static readonly LinearImpactModel Paper = new(0.95, 2.5e-7, 2.5e-6, 0.0625);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Zero_risk_aversion_is_twap_bit_for_bit(int periods)
    {
        var optimal = new double[periods + 1];
        var twap = new double[periods + 1];
        new AlmgrenChrissExit(Paper, 0, 5).WriteHoldings(1e6, optimal);
        new TwapExit().WriteHoldings(1e6, twap);
        optimal.Should().Equal(twap);
        new AlmgrenChrissExit(Paper, 0, 5).Kappa(periods).Should().Be(0);
        new AlmgrenChrissExit(Paper, 0, 5).HalfLife(periods).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Zero_volatility_is_twap_too()
    {
        var model = new LinearImpactModel(0, 2.5e-7, 2.5e-6, 0.0625);
        var optimal = new double[6];
        new AlmgrenChrissExit(model, 1e-6, 5).WriteHoldings(1e6, optimal);
        optimal.Should().Equal(1e6, 8e5, 6e5, 4e5, 2e5, 0);
    }

    [Fact]
    public void Risk_aversion_going_to_zero_converges_to_twap()
    {
        // x_j/X − (N − j)/N = O(κ²T²): each factor 100 down in λ brings the trajectory 100 times closer.
        var twap = new double[6];
        new TwapExit().WriteHoldings(1e6, twap);
        double previous = double.PositiveInfinity;
        foreach (double lambda in new[] { 1e-8, 1e-10, 1e-12, 1e-14, 1e-16 })
        {
            var optimal = new double[6];
            new AlmgrenChrissExit(Paper, lambda, 5).WriteHoldings(1e6, optimal);
            double gap = 0;
            for (int k = 0; k < 6; k++)
            {
                gap = Math.Max(gap, Math.Abs(optimal[k] - twap[k]));
            }

            gap.Should().BeLessThan(previous / 50, "λ = {0}", lambda);
            previous = gap;
        }

        previous.Should().BeLessThan(1e-3); // shares, out of 10⁶, at λ = 10⁻¹⁶

        var cost = new AlmgrenChrissExit(Paper, 1e-16, 5).ExpectedCost(1e6, 5);
        cost.Expected.Should().BeApproximately(662_500, 662_500 * 1e-9);
        cost.Variance.Should().BeApproximately(1.083e12, 1.083e12 * 1e-9);
    }

    [Fact]
    public void Closed_form_matches_the_defining_sums_over_random_problems()
    {
        // Both sides are computed differently: §2.2 closed form (or its κ = 0 limit, or the sums fallback for κT < 0.01)
        // against the defining sums over the written trajectory.
        var gen = Gen.Select(
            Gen.Double[0.01, 5],            // σ
            Gen.Double[0, 1e-6],            // γ
            Gen.Double[1e-6, 1e-4],         // η
            Gen.Double[0, 0.5],             // ε
            Gen.Double[-12, 2],             // log10 λ (and λ = 0 below)
            Gen.Double[0.1, 30],            // T
            Gen.Int[1, 300],                // N
            Gen.Double[1, 1e7]);            // X
        gen.Sample(
            (sigma, gamma, eta, epsilon, logLambda, horizon, periods, quantity) =>
            {
                double lambda = logLambda < -11.5 ? 0 : Math.Pow(10, logLambda);
                var model = new LinearImpactModel(sigma, gamma, eta, epsilon);
                if (model.CorrectedTemporaryImpact(horizon / periods) <= 0)
                {
                    return true;
                }

                var exit = new AlmgrenChrissExit(model, lambda, horizon);
                var holdings = new double[periods + 1];
                exit.WriteHoldings(quantity, holdings);
                var closed = exit.ExpectedCost(quantity, periods);
                var sums = model.Cost(holdings, horizon);
                return Close(closed.Expected, sums.Expected, 1e-9) && Close(closed.Variance, sums.Variance, 1e-8)
                    && closed.Variance >= 0;
            },
            iter: 3000);
    }

    [Fact]
    public void Very_urgent_trajectories_stay_finite()
    {
        // κT ≈ 2.6·10⁴: sinh overflows long before; the exponential forms take over.
        var exit = new AlmgrenChrissExit(Paper, 1e6, 5);
        var holdings = new double[1001];
        exit.WriteHoldings(1e6, holdings);
        holdings.Should().OnlyContain(x => double.IsFinite(x) && x >= 0);
        holdings[1].Should().BeLessThan(1e6 * 1e-5);
        var cost = exit.ExpectedCost(1e6, 1000);
        double.IsFinite(cost.Expected).Should().BeTrue();
        double.IsFinite(cost.Variance).Should().BeTrue();
        var sums = Paper.Cost(holdings, 5);
        Close(cost.Expected, sums.Expected, 1e-9).Should().BeTrue();
        Close(cost.Variance, sums.Variance, 1e-8).Should().BeTrue();
    }

    [Fact]
    public void Writing_trajectories_and_costs_allocates_nothing()
    {
        var holdings = new double[1001];
        var trades = new double[1000];
        var volumes = new double[1000];
        volumes.AsSpan().Fill(1e4);
        var optimal = new AlmgrenChrissExit(Paper, 1e-6, 5);
        var urgent = new AlmgrenChrissExit(Paper, 1, 5);
        var participation = new ParticipationExit(0.1, volumes);
        double sink = 0;
        for (int round = 0; round < 2; round++) // the first round warms up (JIT, tiering)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            sink += optimal.WriteHoldings(1e6, holdings) + urgent.WriteHoldings(1e6, holdings) + participation.WriteHoldings(1e6, holdings);
            sink += default(TwapExit).WriteHoldings(1e6, holdings) + default(ImmediateExit).WriteHoldings(1e6, holdings);
            ExitTrajectory.Trades(holdings, trades);
            sink += optimal.ExpectedCost(1e6, 1000).Expected + Paper.Cost(holdings, 5).Variance;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 1)
            {
                allocated.Should().Be(0);
            }
        }

        sink.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Higher_risk_aversion_sells_sooner()
    {
        var slow = new double[6];
        var fast = new double[6];
        new AlmgrenChrissExit(Paper, 1e-6, 5).WriteHoldings(1e6, slow);
        new AlmgrenChrissExit(Paper, 2e-6, 5).WriteHoldings(1e6, fast);
        for (int k = 1; k < 5; k++)
        {
            fast[k].Should().BeLessThan(slow[k]);
        }
    }

    [Fact]
    public void Too_few_periods_for_a_positive_corrected_impact_throws_naming_periods()
    {
        // γτ/2 = 10⁻⁵·1/2 > η = 2.5·10⁻⁶ at τ = 1.
        var exit = new AlmgrenChrissExit(new LinearImpactModel(0.95, 1e-5, 2.5e-6, 0.0625), 1e-6, 5);
        var holdings = new double[6];
        holdings.AsSpan().Fill(3);
        exit.Invoking(e => e.WriteHoldings(1e6, holdings)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("periods");
        holdings.Should().OnlyContain(x => x == 3);
        exit.Invoking(e => e.Kappa(5)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*η̃*");
        exit.Invoking(e => e.ExpectedCost(1e6, 5)).Should().Throw<ArgumentOutOfRangeException>();

        // τ = 0.25 gives η̃ = 2.5·10⁻⁶ − 1.25·10⁻⁶ > 0.
        exit.Kappa(20).Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(double.NaN, 5.0)]
    [InlineData(-1e-9, 5.0)]
    [InlineData(double.PositiveInfinity, 5.0)]
    [InlineData(1e-6, 0.0)]
    [InlineData(1e-6, -1.0)]
    [InlineData(1e-6, double.NaN)]
    public void Bad_risk_aversion_or_horizon_throws(double lambda, double horizon)
    {
        var act = () => new AlmgrenChrissExit(Paper, lambda, horizon);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().BeOneOf("riskAversion", "horizon");
    }

    [Fact]
    public void Default_instances_are_refused()
    {
        var act = () => new AlmgrenChrissExit(default, 1e-6, 5);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("model.TemporaryImpact");
        default(AlmgrenChrissExit).Invoking(e => e.Kappa(5)).Should().Throw<ArgumentOutOfRangeException>();
        var withModel = new AlmgrenChrissExit(Paper, 1e-6, 5);
        withModel.Invoking(e => e.Kappa(0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("periods");
        withModel.Invoking(e => e.ExpectedCost(double.NaN, 5)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("quantity");
    }

    private static bool Close(double actual, double expected, double relative) =>
        Math.Abs(actual - expected) <= relative * Math.Max(Math.Abs(expected), 1e-300) + 1e-300;
}
