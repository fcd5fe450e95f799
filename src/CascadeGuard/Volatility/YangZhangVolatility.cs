namespace CascadeGuard.Volatility;

/// <summary>
/// Yang–Zhang (2000) drift-independent estimator over the last <c>window</c> bars that have a previous close:
/// σ² = σ²(overnight ln Oₜ/Cₜ₋₁) + k·σ²(open-to-close ln Cₜ/Oₜ) + (1 − k)·mean(Rogers–Satchell),
/// k = 0.34 / (1.34 + (n + 1)/(n − 1)). Handles opening gaps and drift; needs <c>window + 1</c> bars.
/// Amortised O(1) per bar, no allocation.
/// </summary>
public sealed class YangZhangVolatility : IVolatilityEstimator
{
    private readonly RollingMoments _overnight;
    private readonly RollingMoments _openToClose;
    private readonly RollingMoments _rogersSatchell;
    private readonly int _window;
    private double _previousClose;

    /// <summary>Creates the estimator.</summary>
    /// <param name="window">Number of bars in the estimate; in [2, <see cref="VolatilityEstimators.MaxWindow"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is out of range.</exception>
    public YangZhangVolatility(int window)
    {
        VolatilityEstimators.CheckWindow(window, 2);
        _window = window;
        _overnight = new RollingMoments(window);
        _openToClose = new RollingMoments(window);
        _rogersSatchell = new RollingMoments(window);
    }

    /// <inheritdoc />
    public int Count => _overnight.Count;

    /// <inheritdoc />
    public bool IsReady => _overnight.IsFull;

    /// <inheritdoc />
    public double Variance => IsReady
        ? VolatilityEstimators.YangZhangCombine(_overnight.SampleVariance, _openToClose.SampleVariance, _rogersSatchell.Mean, _window)
        : throw VolatilityEstimators.NotReady(this);

    /// <inheritdoc />
    public double Volatility => Math.Sqrt(Variance);

    /// <inheritdoc />
    public void Update(in OhlcBar bar)
    {
        OhlcBar.EnsureValid(bar, nameof(bar));
        if (_previousClose > 0)
        {
            _overnight.Add(Math.Log(bar.Open / _previousClose));
            _openToClose.Add(Math.Log(bar.Close / bar.Open));
            _rogersSatchell.Add(RogersSatchellTerm.Of(bar));
        }

        _previousClose = bar.Close;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _overnight.Clear();
        _openToClose.Clear();
        _rogersSatchell.Clear();
        _previousClose = 0;
    }
}
