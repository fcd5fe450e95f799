namespace CascadeGuard.Volatility;

/// <summary>
/// Classical close-to-close estimator: the unbiased sample variance of the last <c>window</c> log returns
/// ln(Cₜ / Cₜ₋₁). Needs <c>window + 1</c> closes before it is ready. Amortised O(1) per bar, no allocation.
/// </summary>
public sealed class CloseToCloseVolatility : IVolatilityEstimator
{
    private readonly RollingMoments _returns;
    private double _previousClose;

    /// <summary>Creates the estimator.</summary>
    /// <param name="window">Number of returns in the estimate; in [2, <see cref="VolatilityEstimators.MaxWindow"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is out of range.</exception>
    public CloseToCloseVolatility(int window)
    {
        VolatilityEstimators.CheckWindow(window, 2);
        _returns = new RollingMoments(window);
    }

    /// <inheritdoc />
    public int Count => _returns.Count;

    /// <inheritdoc />
    public bool IsReady => _returns.IsFull;

    /// <inheritdoc />
    public double Variance => IsReady ? _returns.SampleVariance : throw VolatilityEstimators.NotReady(this);

    /// <inheritdoc />
    public double Volatility => Math.Sqrt(Variance);

    /// <inheritdoc />
    public void Update(in OhlcBar bar)
    {
        OhlcBar.EnsureValid(bar, nameof(bar));
        if (_previousClose > 0)
        {
            _returns.Add(Math.Log(bar.Close / _previousClose));
        }

        _previousClose = bar.Close;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _returns.Clear();
        _previousClose = 0;
    }
}
