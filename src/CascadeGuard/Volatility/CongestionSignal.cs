using CascadeGuard.Primitives;

namespace CascadeGuard.Volatility;

/// <summary>
/// Normalises a congestion measure a host feeds (gas price, pending-transaction backlog, order-entry latency) to
/// [0, 1]: <c>clamp(ln(level / baseline) / ln(saturation), 0, 1)</c>, where <c>level</c> is the observation
/// (optionally smoothed in log space) and <c>baseline</c> is fixed or learned. 0 means at or below the normal level,
/// 1 means at or beyond <see cref="CongestionSignalOptions.SaturationMultiple"/> times it. Log scale because
/// congestion measures move by multiples (gas rose 25-fold on 2020-03-12). See docs/volatility.md.
/// </summary>
/// <remarks>O(1) per observation, no allocation. Not thread-safe.</remarks>
public sealed class CongestionSignal
{
    private readonly bool _learnBaseline;
    private readonly double _baselineAlpha;
    private readonly double _smoothingAlpha;
    private readonly double _logSaturation;
    private double _logBaseline;
    private double _logLevel;
    private long _count;

    /// <summary>Creates the signal.</summary>
    /// <param name="options">The configuration; copied and validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CongestionSignal(CongestionSignalOptions options)
    {
        Guard.NotNull(options);
        options.Validate();
        _learnBaseline = options.Baseline == 0;
        _logBaseline = _learnBaseline ? 0 : Math.Log(options.Baseline);
        _baselineAlpha = 1 - Math.Pow(2, -1 / options.BaselineHalfLife);
        _smoothingAlpha = options.SmoothingHalfLife == 0 ? 1 : 1 - Math.Pow(2, -1 / options.SmoothingHalfLife);
        _logSaturation = Math.Log(options.SaturationMultiple);
    }

    /// <summary>The current signal in [0, 1]; 0 before any observation.</summary>
    public double Value { get; private set; }

    /// <summary>The baseline level in use (learned or fixed); 0 while a learned baseline has no observation yet.</summary>
    public double Baseline => _learnBaseline && _count == 0 ? 0 : Math.Exp(_logBaseline);

    /// <summary>Number of observations taken.</summary>
    public long Count => _count;

    /// <summary>Takes one observation and returns the updated signal.</summary>
    /// <param name="observation">The raw measure; finite and positive (add one to a count that can be zero).</param>
    /// <returns>The signal in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observation"/> is not finite and positive; nothing changes.</exception>
    public double Update(double observation)
    {
        Guard.FinitePositive(observation);
        var log = Math.Log(observation);
        if (_count == 0)
        {
            _logLevel = log;
            if (_learnBaseline)
            {
                _logBaseline = log;
            }
        }
        else
        {
            _logLevel += _smoothingAlpha * (log - _logLevel);
        }

        // The level is compared with the baseline from before this observation, so a spike does not dilute itself.
        Value = Math.Clamp((_logLevel - _logBaseline) / _logSaturation, 0, 1);
        if (_learnBaseline && _count > 0)
        {
            _logBaseline += _baselineAlpha * (log - _logBaseline);
        }

        _count++;
        return Value;
    }
}
