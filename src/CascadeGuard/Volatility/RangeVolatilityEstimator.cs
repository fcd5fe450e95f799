namespace CascadeGuard.Volatility;

/// <summary>
/// The range estimators that average one term per bar over a rolling window of <c>window</c> bars
/// (<see cref="ParkinsonVolatility"/>, <see cref="GarmanKlassVolatility"/>). Amortised O(1) per bar, no allocation.
/// Only this library derives from it.
/// </summary>
public abstract class RangeVolatilityEstimator : IVolatilityEstimator
{
    private readonly RollingMoments _terms;

    private protected RangeVolatilityEstimator(int window)
    {
        VolatilityEstimators.CheckWindow(window, 1);
        _terms = new RollingMoments(window);
    }

    /// <inheritdoc />
    public int Count => _terms.Count;

    /// <inheritdoc />
    public bool IsReady => _terms.IsFull;

    /// <inheritdoc />
    public double Variance => IsReady ? _terms.Mean : throw VolatilityEstimators.NotReady(this);

    /// <inheritdoc />
    public double Volatility => Math.Sqrt(Variance);

    /// <inheritdoc />
    public void Update(in OhlcBar bar)
    {
        OhlcBar.EnsureValid(bar, nameof(bar));
        _terms.Add(Term(bar));
    }

    /// <inheritdoc />
    public void Reset() => _terms.Clear();

    private protected abstract double Term(in OhlcBar bar);
}
