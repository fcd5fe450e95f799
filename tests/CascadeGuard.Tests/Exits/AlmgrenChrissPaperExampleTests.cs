using CascadeGuard.Exits;

namespace CascadeGuard.Tests.Exits;

/// <summary>
/// The sample problem of Almgren and Chriss (2000), "Optimal execution of portfolio transactions", J. Risk 3(2) (its
/// worked example): X = 10⁶ shares, S₀ = $50, T = 5 days, N = 5 (τ = 1 day), σ = 0.95 $/share/√day (30 % annual at 250
/// trading days, times S₀), ε = $0.0625 (half a 1/8 spread), η = 2.5·10⁻⁶ $/share/(share/day), γ = 2.5·10⁻⁷ $/share².
/// Reference figures were derived independently at 40 digits with mpmath, from κ = acosh(1 + κ̃²τ²/2)/τ (the paper's
/// form, not the asinh form the library uses) and the η̃ sums below; see docs/exits.md.
/// </summary>
public class AlmgrenChrissPaperExampleTests
{
    private const double X = 1e6, T = 5, Sigma = 0.95, Epsilon = 0.0625, Eta = 2.5e-6, Gamma = 2.5e-7;
    private const int N = 5;
    private const double Tau = T / N;
    private const double EtaTilde = Eta - (0.5 * Gamma * Tau); // 2.375e-6
    private const double Digits = 1e-12; // relative; the brief asks for 8 significant digits, we hold 12

    private static readonly LinearImpactModel Model = new(Sigma, Gamma, Eta, Epsilon);

    // λ, κ (1/day), x1..x4 (shares), E[C] ($), √V[C] ($) — mpmath, 40 digits, rounded to 17 significant.
    private static Reference Figures(double lambda) => lambda switch
    {
        1e-6 => new(0.60707616324706279, [541955.55437392229, 289854.21940993506, 147897.48782172315, 62141.801605766027], 911226.98630379355, 603430.66880805868),
        2e-6 => new(0.84629713450125627, [428598.84574701729, 182932.81426176773, 76295.721615461637, 27643.377396906390], 1140715.1670497853, 449367.65254135095),
        _ => throw new ArgumentOutOfRangeException(nameof(lambda)),
    };

    [Theory]
    [InlineData(1e-6)]
    [InlineData(2e-6)]
    public void Kappa_and_half_life_match_the_independent_derivation(double lambda)
    {
        double kappa = Figures(lambda).Kappa;
        var exit = new AlmgrenChrissExit(Model, lambda, T);
        exit.Kappa(N).Should().BeApproximately(kappa, kappa * Digits);
        exit.HalfLife(N).Should().BeApproximately(1 / kappa, Digits / kappa);

        // And κ solves the paper's defining equation (2/τ²)(cosh κτ − 1) = λσ²/η̃.
        double k = exit.Kappa(N);
        double lhs = 2 / (Tau * Tau) * (Math.Cosh(k * Tau) - 1);
        lhs.Should().BeApproximately(lambda * Sigma * Sigma / EtaTilde, lhs * 1e-13);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(2e-6)]
    public void Holdings_match_the_independent_derivation(double lambda)
    {
        double[] x = Figures(lambda).Holdings;
        var holdings = new double[N + 1];
        new AlmgrenChrissExit(Model, lambda, T).WriteHoldings(X, holdings).Should().Be(0);
        holdings[0].Should().Be(X);
        holdings[N].Should().Be(0);
        for (int k = 1; k < N; k++)
        {
            holdings[k].Should().BeApproximately(x[k - 1], x[k - 1] * Digits, "x{0}", k);
        }
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(2e-6)]
    public void Closed_form_cost_matches_the_sums_over_the_trade_list(double lambda)
    {
        var (_, _, expected, deviation) = Figures(lambda);
        var exit = new AlmgrenChrissExit(Model, lambda, T);
        var closed = exit.ExpectedCost(X, N);
        var holdings = new double[N + 1];
        exit.WriteHoldings(X, holdings);
        var (sumE, sumV) = EtaTildeSums(holdings);

        closed.Expected.Should().BeApproximately(expected, expected * Digits);
        closed.StandardDeviation.Should().BeApproximately(deviation, deviation * Digits);
        closed.Expected.Should().BeApproximately(sumE, sumE * Digits);
        closed.Variance.Should().BeApproximately(sumV, sumV * Digits);

        // The library's defining sums (γ Σ x_k n_k + …, with η, not η̃) agree with both.
        var defining = Model.Cost(holdings, T);
        defining.Expected.Should().BeApproximately(sumE, sumE * Digits);
        defining.Variance.Should().BeApproximately(sumV, sumV * Digits);
    }

    [Fact]
    public void Twap_cost_matches_the_paper_closed_form_and_the_sums()
    {
        var holdings = new double[N + 1];
        new TwapExit().WriteHoldings(X, holdings);
        holdings.Should().Equal(1e6, 8e5, 6e5, 4e5, 2e5, 0);

        // Paper §2.2, the naive strategy: E = ½γX² + εX + η̃X²/T, V = ⅓σ²X²T(1 − 1/N)(1 − 1/(2N)).
        double closedE = (0.5 * Gamma * X * X) + (Epsilon * X) + (EtaTilde * X * X / T);
        double closedV = Sigma * Sigma * X * X * T * (1 - (1.0 / N)) * (1 - (0.5 / N)) / 3;
        closedE.Should().BeApproximately(662_500, 662_500 * 1e-15);          // 125 000 + 62 500 + 475 000
        closedV.Should().BeApproximately(1.083e12, 1.083e12 * 1e-15);        // 0.9025 · 10¹² · 1.2
        Math.Sqrt(closedV).Should().BeApproximately(1_040_672.8592598156, 1e-6);

        var (sumE, sumV) = EtaTildeSums(holdings);
        sumE.Should().BeApproximately(closedE, closedE * Digits);
        sumV.Should().BeApproximately(closedV, closedV * Digits);
        var cost = Model.Cost(holdings, T);
        cost.Expected.Should().BeApproximately(closedE, closedE * Digits);
        cost.Variance.Should().BeApproximately(closedV, closedV * Digits);

        // λ = 0 is the TWAP point of the frontier, in closed form too.
        var riskNeutral = new AlmgrenChrissExit(Model, 0, T).ExpectedCost(X, N);
        riskNeutral.Expected.Should().BeApproximately(closedE, closedE * Digits);
        riskNeutral.Variance.Should().BeApproximately(closedV, closedV * Digits);
    }

    [Fact]
    public void Selling_everything_in_the_first_period_costs_the_paper_minimum_variance_figure()
    {
        var holdings = new double[N + 1];
        new ImmediateExit().WriteHoldings(X, holdings);
        holdings.Should().Equal(1e6, 0, 0, 0, 0, 0);

        // Paper §2.2, the minimum-variance strategy: E = ½γX² + εX + η̃X²/τ, V = 0.
        double closedE = (0.5 * Gamma * X * X) + (Epsilon * X) + (EtaTilde * X * X / Tau);
        closedE.Should().BeApproximately(2_562_500, 2_562_500 * 1e-15);      // 125 000 + 62 500 + 2 375 000

        var (sumE, sumV) = EtaTildeSums(holdings);
        sumE.Should().BeApproximately(closedE, closedE * Digits);
        sumV.Should().Be(0);
        var cost = Model.Cost(holdings, T);
        cost.Expected.Should().BeApproximately(closedE, closedE * Digits);
        cost.Variance.Should().Be(0);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(2e-6)]
    public void Optimal_trajectory_beats_both_naive_strategies_and_every_nearby_trajectory(double lambda)
    {
        var exit = new AlmgrenChrissExit(Model, lambda, T);
        var holdings = new double[N + 1];
        exit.WriteHoldings(X, holdings);
        double best = Model.Cost(holdings, T).Utility(lambda);

        var other = new double[N + 1];
        new TwapExit().WriteHoldings(X, other);
        Model.Cost(other, T).Utility(lambda).Should().BeGreaterThan(best);
        new ImmediateExit().WriteHoldings(X, other);
        Model.Cost(other, T).Utility(lambda).Should().BeGreaterThan(best);

        // Independent of every formula: moving any interior holding by ±1 000 shares raises E + λV.
        for (int k = 1; k < N; k++)
        {
            foreach (double step in new[] { -1000.0, 1000.0 })
            {
                holdings.CopyTo(other, 0);
                other[k] += step;
                Model.Cost(other, T).Utility(lambda).Should().BeGreaterThan(best, "x{0} {1:+0;-0}", k, step);
            }
        }
    }

    /// <summary>The paper's η̃ form (§1.5): E = ½γX² + εΣ|n_k| + (η̃/τ)Σn_k², V = σ²τΣx_k², written here independently.</summary>
    private static (double Expected, double Variance) EtaTildeSums(double[] holdings)
    {
        double absolute = 0, squares = 0, held = 0;
        for (int k = 1; k <= N; k++)
        {
            double n = holdings[k - 1] - holdings[k];
            absolute += Math.Abs(n);
            squares += n * n;
            held += holdings[k] * holdings[k];
        }

        return ((0.5 * Gamma * X * X) + (Epsilon * absolute) + (EtaTilde / Tau * squares), Sigma * Sigma * Tau * held);
    }

    private sealed record Reference(double Kappa, double[] Holdings, double Expected, double Deviation);
}
