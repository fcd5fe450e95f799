using CascadeGuard.Primitives;

namespace CascadeGuard.Volatility;

/// <summary>
/// Mean and sample variance of the last <c>window</c> values, updated in amortised O(1): running sums are adjusted
/// as values enter and leave, and re-summed from the ring once every <c>window</c> additions so that rounding from
/// the add/subtract pairs cannot accumulate beyond one window's worth.
/// </summary>
/// <remarks>
/// Sums are raw (not shifted): callers feed log returns and range terms, whose mean is small next to their spread
/// or which only need the mean, so Σx² − (Σx)²/n loses no meaningful digits.
/// </remarks>
internal sealed class RollingMoments
{
    private readonly RingBuffer<double> _values;
    private double _sum;
    private double _sumSquares;
    private int _addsSinceResum;

    public RollingMoments(int window) => _values = new RingBuffer<double>(window);

    public int Count => _values.Count;

    public bool IsFull => _values.IsFull;

    public double Mean => _sum / _values.Count;

    /// <summary>Unbiased sample variance (divisor n − 1); needs at least two values.</summary>
    public double SampleVariance
    {
        get
        {
            var n = _values.Count;
            return Math.Max(0, (_sumSquares - (_sum * _sum / n)) / (n - 1));
        }
    }

    public void Add(double value)
    {
        if (_values.IsFull)
        {
            var leaving = _values.Oldest;
            _sum -= leaving;
            _sumSquares -= leaving * leaving;
        }

        _values.Add(value);
        _sum += value;
        _sumSquares += value * value;
        if (++_addsSinceResum >= _values.Capacity)
        {
            Resum();
        }
    }

    public void Clear()
    {
        _values.Clear();
        _sum = 0;
        _sumSquares = 0;
        _addsSinceResum = 0;
    }

    private void Resum()
    {
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < _values.Count; i++)
        {
            var v = _values[i];
            sum += v;
            sumSquares += v * v;
        }

        _sum = sum;
        _sumSquares = sumSquares;
        _addsSinceResum = 0;
    }
}
