using CascadeGuard.Primitives;

namespace CascadeGuard.Exits;

/// <summary>
/// The linear market-impact model of Almgren and Chriss (2000, §1.5): an arithmetic random walk with volatility σ,
/// permanent impact g(v) = γ·v and temporary impact h(v) = ε·sgn(v) + η·v, where v = n/τ is the trading rate.
/// </summary>
/// <remarks>
/// Units are the caller's, used consistently: with prices in $ and time in days, σ is $/share/√day, γ is $/share²,
/// η is ($/share)/(share/day) and ε is $/share. Thread-safe (immutable).
/// </remarks>
public readonly struct LinearImpactModel : IEquatable<LinearImpactModel>
{
    /// <summary>Creates the model.</summary>
    /// <param name="volatility">σ, price units per √time unit. Finite, zero or positive.</param>
    /// <param name="permanentImpact">γ, price units per quantity unit. Finite, zero or positive.</param>
    /// <param name="temporaryImpact">η, price units per (quantity per time unit). Finite, positive.</param>
    /// <param name="fixedCost">ε, price units (half the spread plus fees). Finite, zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it.</exception>
    public LinearImpactModel(double volatility, double permanentImpact, double temporaryImpact, double fixedCost)
    {
        Guard.FiniteNonNegative(volatility);
        Guard.FiniteNonNegative(permanentImpact);
        Guard.FinitePositive(temporaryImpact);
        Guard.FiniteNonNegative(fixedCost);
        Volatility = volatility;
        PermanentImpact = permanentImpact;
        TemporaryImpact = temporaryImpact;
        FixedCost = fixedCost;
    }

    /// <summary>σ, price units per √time unit.</summary>
    public double Volatility { get; }

    /// <summary>γ, the permanent impact coefficient.</summary>
    public double PermanentImpact { get; }

    /// <summary>η, the temporary impact coefficient.</summary>
    public double TemporaryImpact { get; }

    /// <summary>ε, the fixed cost per unit sold.</summary>
    public double FixedCost { get; }

    /// <summary>
    /// The corrected temporary impact η̃ = η − γτ/2 of the discrete model (Almgren and Chriss 2000, §1.5): the permanent
    /// impact a trade has on its own interval's later shares, folded into the quadratic cost.
    /// </summary>
    /// <param name="intervalLength">τ = T/N. Finite, positive.</param>
    /// <returns>η̃; positive for a model where trading faster costs more.</returns>
    public double CorrectedTemporaryImpact(double intervalLength)
    {
        Guard.FinitePositive(intervalLength);
        return TemporaryImpact - (0.5 * PermanentImpact * intervalLength);
    }

    /// <summary>
    /// Mean and variance of the cost of any holdings trajectory by the defining sums (Almgren and Chriss 2000, §1.4–1.5):
    /// E = Σ (γ x_k n_k + ε |n_k| + (η/τ) n_k²), V = σ² τ Σ x_k², k = 1…N, with n_k = x_{k−1} − x_k.
    /// </summary>
    /// <param name="holdings">x₀…x_N, each finite. x_N need not be zero: what is left is charged its price risk in V and
    /// no trading cost.</param>
    /// <param name="horizon">T, the total time; τ = T/N. Finite, positive.</param>
    /// <returns>E[C] and V[C].</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public ExecutionCost Cost(ReadOnlySpan<double> holdings, double horizon)
    {
        CheckValid();
        Guard.FinitePositive(horizon);
        ExitTrajectory.CheckHoldings(holdings);
        int periods = holdings.Length - 1;
        double tau = horizon / periods;
        double permanent = 0, fixedCost = 0, quadratic = 0, squares = 0;
        for (int k = 1; k <= periods; k++)
        {
            double x = holdings[k];
            double n = holdings[k - 1] - x;
            permanent += x * n;
            fixedCost += Math.Abs(n);
            quadratic += n * n;
            squares += x * x;
        }

        double expected = (PermanentImpact * permanent) + (FixedCost * fixedCost) + (TemporaryImpact / tau * quadratic);
        return new ExecutionCost(expected, Volatility * Volatility * tau * squares);
    }

    /// <summary>A <c>default</c> instance has η = 0, which no formula accepts.</summary>
    internal void CheckValid()
    {
        if (!(TemporaryImpact > 0))
        {
            Guard.Throw("model.TemporaryImpact", TemporaryImpact, "must be finite and positive (was the model default-constructed?)");
        }
    }

    /// <inheritdoc/>
    public bool Equals(LinearImpactModel other) =>
        Volatility.Equals(other.Volatility) && PermanentImpact.Equals(other.PermanentImpact)
        && TemporaryImpact.Equals(other.TemporaryImpact) && FixedCost.Equals(other.FixedCost);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LinearImpactModel other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Volatility, PermanentImpact, TemporaryImpact, FixedCost);

    /// <summary>Equality of all four coefficients.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LinearImpactModel left, LinearImpactModel right) => left.Equals(right);

    /// <summary>Inequality of any coefficient.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LinearImpactModel left, LinearImpactModel right) => !left.Equals(right);
}
