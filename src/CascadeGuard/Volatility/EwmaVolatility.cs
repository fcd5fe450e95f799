namespace CascadeGuard.Volatility;

/// <summary>
/// RiskMetrics exponentially weighted variance of log close-to-close returns, zero mean:
/// σ²ₜ = λσ²ₜ₋₁ + (1 − λ)rₜ², seeded with σ²₁ = r₁² (J.P. Morgan/Reuters, RiskMetrics Technical Document, 4th ed.,
/// 1996, §5.2). Ready after the first return. O(1) per bar, no allocation.
/// </summary>
public sealed class EwmaVolatility : IVolatilityEstimator
{
    private readonly double _lambda;
    private double _previousClose;
    private double _variance;
    private int _count;

    /// <summary>Creates the estimator.</summary>
    /// <param name="lambda">The decay factor in (0, 1); default <see cref="VolatilityEstimators.RiskMetricsLambda"/> (0.94).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is out of range.</exception>
    public EwmaVolatility(double lambda = VolatilityEstimators.RiskMetricsLambda)
    {
        VolatilityEstimators.CheckLambda(lambda);
        _lambda = lambda;
    }

    /// <summary>The decay factor.</summary>
    public double Lambda => _lambda;

    /// <summary>Number of returns seen (saturates at <see cref="int.MaxValue"/>).</summary>
    public int Count => _count;

    /// <inheritdoc />
    public bool IsReady => _count > 0;

    /// <inheritdoc />
    public double Variance => IsReady ? _variance : throw VolatilityEstimators.NotReady(this);

    /// <inheritdoc />
    public double Volatility => Math.Sqrt(Variance);

    /// <inheritdoc />
    public void Update(in OhlcBar bar)
    {
        OhlcBar.EnsureValid(bar, nameof(bar));
        if (_previousClose > 0)
        {
            var r = Math.Log(bar.Close / _previousClose);
            _variance = _count == 0 ? r * r : VolatilityEstimators.EwmaStep(_variance, r, _lambda);
            _count = _count == int.MaxValue ? _count : _count + 1;
        }

        _previousClose = bar.Close;
    }

    /// <summary>The estimator's whole state, for a component that saves it in its own snapshot.</summary>
    internal (double PreviousClose, double Variance, int Count) State => (_previousClose, _variance, _count);

    /// <summary>Sets the state saved by <see cref="State"/>; false (and nothing changes) when it is not a state this estimator can have.</summary>
    internal bool TryRestore(double previousClose, double variance, int count)
    {
        if (!double.IsFinite(previousClose) || previousClose < 0 || !double.IsFinite(variance) || variance < 0 || count < 0)
        {
            return false;
        }

        _previousClose = previousClose;
        _variance = variance;
        _count = count;
        return true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _previousClose = 0;
        _variance = 0;
        _count = 0;
    }
}
