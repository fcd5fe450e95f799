using CascadeGuard.Primitives;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Depth;

/// <summary>
/// Volume-synchronized probability of informed trading (Easley, López de Prado and O'Hara 2012, "Flow Toxicity and
/// Liquidity in a High-frequency World", Review of Financial Studies 25(5)), streaming. Each observation (a trade or a time
/// bar: last price and volume) is split into buy and sell volume by bulk volume classification: the buy share is
/// Φ(ΔP/σ_ΔP), Φ the standard normal distribution function. Volume fills buckets of equal size V; for each full bucket
/// τ the order imbalance |V^S_τ − V^B_τ| is kept, and VPIN = Σ over the last n buckets of |V^S − V^B| ÷ (n·V), in [0, 1].
/// See docs/depth.md.
/// </summary>
/// <remarks>
/// Fixed memory (n imbalances). Each observation costs O(1), plus O(1) per bucket it completes, at most n (a trade larger
/// than the whole window fills it with identical buckets). The first observation has no price change and is split evenly.
/// Not thread-safe: feed it from one thread.
/// </remarks>
public sealed class VpinEstimator
{
    private readonly double _bucketVolume;
    private readonly double _fixedSigma;
    private readonly double[] _imbalances;
    private readonly RunningStatistics _priceChanges = new();
    private int _next;
    private int _filled;
    private double _imbalanceSum;
    private double _bucketFill;
    private double _bucketBuy;
    private double _lastPrice = double.NaN;

    /// <summary>Creates an estimator.</summary>
    /// <param name="options">Settings; validated and copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public VpinEstimator(VpinOptions options)
    {
        Guard.NotNull(options);
        options.Validate();
        _bucketVolume = options.BucketVolume;
        _fixedSigma = options.PriceChangeStandardDeviation;
        _imbalances = new double[options.WindowBuckets];
    }

    /// <summary>Buckets completed since the start.</summary>
    public long CompletedBuckets { get; private set; }

    /// <summary>Volume in the bucket being filled.</summary>
    public double CurrentBucketVolume => _bucketFill;

    /// <summary>Adds an observation.</summary>
    /// <param name="price">The last price of the trade or bar; finite, positive.</param>
    /// <param name="volume">Its volume, base units; finite, zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range; the estimator is unchanged.</exception>
    public void Observe(double price, double volume)
    {
        Guard.FinitePositive(price);
        Guard.FiniteNonNegative(volume);
        var buyShare = 0.5;
        if (!double.IsNaN(_lastPrice))
        {
            var change = price - _lastPrice;
            _priceChanges.Push(change);
            var sigma = _fixedSigma > 0 ? _fixedSigma : _priceChanges.Count > 1 ? _priceChanges.StandardDeviation : 0.0;
            buyShare = sigma > 0 ? Normal.CDF(0.0, sigma, change) : change > 0 ? 1.0 : change < 0 ? 0.0 : 0.5;
        }

        _lastPrice = price;
        Add(volume, buyShare);
    }

    /// <summary>VPIN over the last <see cref="VpinOptions.WindowBuckets"/> buckets.</summary>
    /// <param name="vpin">In [0, 1]; zero until the window is full.</param>
    /// <returns><see langword="false"/> until that many buckets have completed.</returns>
    public bool TryGetVpin(out double vpin)
    {
        var ready = _filled == _imbalances.Length;
        vpin = ready ? Math.Clamp(_imbalanceSum / (_imbalances.Length * _bucketVolume), 0.0, 1.0) : 0.0;
        return ready;
    }

    private void Add(double volume, double buyShare)
    {
        var room = _bucketVolume - _bucketFill;
        if (volume < room)
        {
            _bucketFill += volume;
            _bucketBuy += volume * buyShare;
            return;
        }

        Complete(Math.Abs((2 * (_bucketBuy + (room * buyShare))) - _bucketVolume));
        volume -= room;
        var whole = Math.Floor(volume / _bucketVolume);
        var identical = Math.Abs((2 * buyShare) - 1) * _bucketVolume;
        var pushes = (int)Math.Min(whole, _imbalances.Length);
        for (var i = 0; i < pushes; i++)
        {
            Complete(identical);
        }

        CompletedBuckets += (long)whole - pushes;
        _bucketFill = Math.Max(0.0, volume - (whole * _bucketVolume));
        _bucketBuy = _bucketFill * buyShare;
    }

    private void Complete(double imbalance)
    {
        if (_filled == _imbalances.Length)
        {
            _imbalanceSum -= _imbalances[_next];
        }
        else
        {
            _filled++;
        }

        _imbalances[_next] = imbalance;
        _imbalanceSum += imbalance;
        _next = (_next + 1) % _imbalances.Length;
        if (_next == 0)
        {
            // Once per window, re-add from scratch so rounding from the running add/subtract cannot accumulate.
            _imbalanceSum = 0;
            foreach (var value in _imbalances)
            {
                _imbalanceSum += value;
            }
        }

        CompletedBuckets++;
    }
}
