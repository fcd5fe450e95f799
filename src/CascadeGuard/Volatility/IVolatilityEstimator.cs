namespace CascadeGuard.Volatility;

/// <summary>
/// A streaming volatility estimator fed one <see cref="OhlcBar"/> per period. Variances are per bar period (not
/// annualised); use <see cref="VolatilityEstimators.Annualize"/> to scale. Updates are O(1) (amortised for the
/// rolling-window estimators) and allocate nothing.
/// </summary>
/// <remarks>Implementations are not thread-safe.</remarks>
public interface IVolatilityEstimator
{
    /// <summary>Number of terms (returns or bars) currently in the estimate.</summary>
    int Count { get; }

    /// <summary>Whether the estimate is defined: its window is full (or, for EWMA, at least one return was seen).</summary>
    bool IsReady { get; }

    /// <summary>The variance of log price changes per bar period.</summary>
    /// <exception cref="InvalidOperationException"><see cref="IsReady"/> is false.</exception>
    double Variance { get; }

    /// <summary>The standard deviation per bar period: the square root of <see cref="Variance"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="IsReady"/> is false.</exception>
    double Volatility { get; }

    /// <summary>Adds the next bar.</summary>
    /// <param name="bar">The bar; <c>default(OhlcBar)</c> is refused.</param>
    /// <exception cref="ArgumentException"><paramref name="bar"/> is <c>default</c>; the estimator is unchanged.</exception>
    void Update(in OhlcBar bar);

    /// <summary>Forgets every bar.</summary>
    void Reset();
}
