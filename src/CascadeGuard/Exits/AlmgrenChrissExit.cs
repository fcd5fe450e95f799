using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Exits;

/// <summary>
/// The mean-variance optimal trajectory of Almgren and Chriss (2000, §2.2) for the discrete linear-impact model: it
/// minimises E[C] + λ·V[C], giving x_j = X · sinh(κ(T − t_j)) / sinh(κT), t_j = jτ, τ = T/N, where κ solves
/// (2/τ²)(cosh(κτ) − 1) = κ̃² = λσ²/η̃ and η̃ = η − γτ/2.
/// </summary>
/// <remarks>
/// λ = 0 is the risk-neutral optimum and gives exactly the TWAP trajectory (<see cref="TwapExit"/>), bit for bit.
/// η̃ must be positive, which bounds τ from above: η > γτ/2. Thread-safe (immutable). See docs/exits.md.
/// </remarks>
public readonly struct AlmgrenChrissExit : IExitTrajectory
{
    // sinh(x) and x / sinh(x) lose nothing below this; above it sinh(x)² overflows, so ratios switch to exponentials.
    private const double LargeArgument = 350;

    // Below this κT the closed-form variance cancels ((κT)⁻² amplification); the defining sums are used instead.
    private const double SmallKappaHorizon = 0.01;

    /// <summary>Creates the rule.</summary>
    /// <param name="model">The market-impact model.</param>
    /// <param name="riskAversion">λ, per unit of money. Finite, zero or positive.</param>
    /// <param name="horizon">T, in the model's time unit. Finite, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it.</exception>
    public AlmgrenChrissExit(LinearImpactModel model, double riskAversion, double horizon)
    {
        model.CheckValid();
        Guard.FiniteNonNegative(riskAversion);
        Guard.FinitePositive(horizon);
        Model = model;
        RiskAversion = riskAversion;
        Horizon = horizon;
    }

    /// <summary>The market-impact model.</summary>
    public LinearImpactModel Model { get; }

    /// <summary>λ, the risk aversion.</summary>
    public double RiskAversion { get; }

    /// <summary>T, the horizon.</summary>
    public double Horizon { get; }

    /// <summary>κ, the urgency: the rate at which the optimal holdings decay, per time unit. Zero when λ or σ is zero.</summary>
    /// <param name="periods">N, the number of intervals. Positive.</param>
    /// <returns>κ = (2/τ)·asinh(κ̃τ/2), the root of (2/τ²)(cosh(κτ) − 1) = κ̃² written without cancellation.</returns>
    /// <exception cref="ArgumentException">The rule is default-constructed, or η̃ ≤ 0 at this many periods.</exception>
    public double Kappa(int periods)
    {
        double tau = IntervalLength(periods);
        return KappaTau(tau) / tau;
    }

    /// <summary>The half-life θ = 1/κ of the trade (Almgren and Chriss 2000, §2.3); +∞ when κ = 0.</summary>
    /// <param name="periods">N, the number of intervals. Positive.</param>
    /// <returns>θ, in the model's time unit.</returns>
    /// <exception cref="ArgumentException">The rule is default-constructed, or η̃ ≤ 0 at this many periods.</exception>
    public double HalfLife(int periods) => 1.0 / Kappa(periods);

    /// <inheritdoc/>
    public double WriteHoldings(double quantity, Span<double> holdings)
    {
        Guard.FiniteNonNegative(quantity);
        ExitTrajectory.CheckHoldingsLength(holdings.Length);
        int periods = holdings.Length - 1;
        double kappaTau = KappaTau(IntervalLength(periods));
        if (kappaTau == 0)
        {
            ExitTrajectory.WriteTwap(quantity, holdings);
            return 0;
        }

        var profile = new SinhProfile(quantity, kappaTau, periods);
        holdings[0] = quantity;
        int k = 1;
        for (; k < periods; k++)
        {
            double x = profile.At(k);
            holdings[k] = x;
            if (x == 0)
            {
                break; // underflow in a steep trajectory: every later holding is zero too (they never increase)
            }
        }

        holdings[k..].Clear();
        return 0;
    }

    /// <summary>
    /// E[C] and V[C] of the optimal trajectory in closed form (Almgren and Chriss 2000, §2.2):
    /// E = ½γX² + εX + η̃X² · tanh(κτ/2)(τ sinh 2κT + 2T sinh κτ) / (2τ² sinh² κT),
    /// V = ½σ²X² · (τ sinh κT cosh κ(T − τ) − T sinh κτ) / (sinh² κT sinh κτ).
    /// </summary>
    /// <param name="quantity">X. Finite, zero or positive.</param>
    /// <param name="periods">N. Positive.</param>
    /// <returns>E[C] and V[C].</returns>
    /// <remarks>
    /// Evaluated in overflow-free forms (sinh 2κT / sinh² κT = 2 coth κT). For κ = 0 the TWAP limits
    /// E = ½γX² + εX + η̃X²/T and V = ⅓σ²X²T(1 − 1/N)(1 − 1/(2N)) are used; for N = 1 or κT &lt; 0.01, where the variance
    /// formula cancels, the defining sums over the trajectory (O(N), no allocation).
    /// </remarks>
    /// <exception cref="ArgumentException">An input is invalid, or η̃ ≤ 0 at this many periods.</exception>
    public ExecutionCost ExpectedCost(double quantity, int periods)
    {
        Guard.FiniteNonNegative(quantity);
        double tau = IntervalLength(periods);
        double kappaTau = KappaTau(tau);
        double x2 = quantity * quantity;
        double sigma2 = Model.Volatility * Model.Volatility;
        double etaTilde = Model.CorrectedTemporaryImpact(tau);
        double fixedPart = (0.5 * Model.PermanentImpact * x2) + (Model.FixedCost * quantity);
        if (kappaTau == 0 && periods > 1)
        {
            double n = periods;
            return new ExecutionCost(
                fixedPart + (etaTilde * x2 / Horizon),
                sigma2 * x2 * Horizon * (1 - (1 / n)) * (1 - (0.5 / n)) / 3);
        }

        double kappaT = kappaTau * periods;
        if (periods == 1 || kappaT < SmallKappaHorizon)
        {
            return SumCost(quantity, kappaTau, periods, tau);
        }

        double sinhKappaTau = Math.Sinh(kappaTau);
        double sinhKappaT = Math.Sinh(kappaT);
        double invSinh2 = 1 / (sinhKappaT * sinhKappaT); // 0 once sinh² overflows, which is the limit
        double expectedShape = Math.Tanh(0.5 * kappaTau)
            * ((tau / Math.Tanh(kappaT)) + (Horizon * sinhKappaTau * invSinh2)) / (tau * tau);
        double varianceShape = (tau * CoshOverSinh(kappaT - kappaTau, kappaT) / sinhKappaTau) - (Horizon * invSinh2);
        return new ExecutionCost(
            fixedPart + (etaTilde * x2 * expectedShape),
            Math.Max(0, 0.5 * sigma2 * x2 * varianceShape));
    }

    /// <summary>τ = T/N after checking the rule, N and η̃ = η − γτ/2 &gt; 0.</summary>
    private double IntervalLength(int periods)
    {
        Model.CheckValid();
        if (!(Horizon > 0))
        {
            Guard.Throw("Horizon", Horizon, "must be finite and positive (was the rule default-constructed?)");
        }

        Guard.Positive(periods);
        double tau = Horizon / periods;
        double etaTilde = Model.CorrectedTemporaryImpact(tau);
        if (!(etaTilde > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(periods),
                periods,
                string.Create(CultureInfo.InvariantCulture, $"'periods' {periods} gives τ = {tau} and η̃ = η − γτ/2 = {etaTilde}; η̃ must be positive, so use more periods."));
        }

        return tau;
    }

    /// <summary>κτ = 2·asinh(κ̃τ/2): from cosh(κτ) − 1 = 2 sinh²(κτ/2) = κ̃²τ²/2, exact at κ̃ = 0.</summary>
    private double KappaTau(double tau)
    {
        double kappaTilde2 = RiskAversion * Model.Volatility * Model.Volatility / Model.CorrectedTemporaryImpact(tau);
        return 2 * Math.Asinh(0.5 * tau * Math.Sqrt(kappaTilde2));
    }

    /// <summary>The defining sums E = Σ(γ x_k n_k + ε|n_k| + (η/τ) n_k²), V = σ²τ Σ x_k², walked without a buffer.</summary>
    private ExecutionCost SumCost(double quantity, double kappaTau, int periods, double tau)
    {
        var profile = new SinhProfile(quantity, kappaTau, periods);
        double previous = quantity, permanent = 0, quadratic = 0, squares = 0;
        for (int j = 1; j <= periods; j++)
        {
            double x = j == periods ? 0 : profile.At(j);
            double n = previous - x;
            permanent += x * n;
            quadratic += n * n;
            squares += x * x;
            previous = x;
        }

        double expected = (Model.PermanentImpact * permanent) + (Model.FixedCost * quantity) + (Model.TemporaryImpact / tau * quadratic);
        return new ExecutionCost(expected, Model.Volatility * Model.Volatility * tau * squares);
    }

    /// <summary>cosh(a)/sinh(b) for 0 ≤ a ≤ b, b &gt; 0, without overflow.</summary>
    private static double CoshOverSinh(double a, double b) =>
        b < LargeArgument ? Math.Cosh(a) / Math.Sinh(b) : Math.Exp(a - b) * (1 + Math.Exp(-2 * a));

    /// <summary>x_j = X sinh(κτ(N − j)) / sinh(κτN); κτ(N − j) avoids the cancellation in T − t_j.</summary>
    private readonly struct SinhProfile
    {
        private readonly double _quantity;
        private readonly double _kappaTau;
        private readonly int _periods;
        private readonly double _kappaT;
        private readonly double _scale;

        public SinhProfile(double quantity, double kappaTau, int periods)
        {
            _quantity = quantity;
            _kappaTau = kappaTau;
            _periods = periods;
            _kappaT = kappaTau * periods;
            _scale = _kappaT < LargeArgument ? quantity / Math.Sinh(_kappaT) : 0;
        }

        public double At(int j)
        {
            double a = _kappaTau * (_periods - j);

            if (_kappaT < LargeArgument)
            {
                return Math.Sinh(a) * _scale;
            }

            // Large κT: sinh a / sinh κT = e^(a − κT)(1 − e^(−2a)) / (1 − e^(−2κT)); the last factor is 1 in double, and
            // so is the middle one once e^(−2a) is below half an ulp of 1 (a > 18.5).
            double head = _quantity * Math.Exp(a - _kappaT);
            return a > 18.5 ? head : head * (1 - Math.Exp(-2 * a));
        }
    }
}
