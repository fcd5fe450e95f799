using System.Globalization;
using System.Numerics;
using CascadeGuard.Feeds;
using CascadeGuard.Primitives;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Oracle;

/// <summary>
/// Turns raw quotes for one asset, from one or several sources, into the price the engine may act on, with a status
/// that says why: median of the live sources, a deviation limit that holds a jump until later quotes or a second
/// source confirm it, TWAP or EMA smoothing, an optional delay, a staleness limit that pauses liquidation of the
/// asset, and latency accounting. See docs/oracle.md.
/// </summary>
/// <remarks>
/// <para>
/// State changes only through <see cref="Update"/>. A refused quote (non-finite, non-positive, from the future,
/// already stale, out of order or a duplicate for its source) changes nothing and is reported in
/// <see cref="OracleUpdate.Rejection"/>. History lives in a fixed ring allocated at construction; updates and
/// decisions allocate nothing.
/// </para>
/// <para>Not thread-safe: one guard per asset, driven from one thread (the engine's tick).</para>
/// </remarks>
public sealed class OracleGuard
{
    private const int SnapshotVersion = 1;
    private const long NoQuote = long.MinValue;

    private readonly OracleGuardOptions _options;
    private readonly TimeProvider _time;
    private readonly QuoteValidator _validator;
    private readonly long _stalenessTicks;
    private readonly long _delayTicks;
    private readonly bool _smoothedOrDelayed;
    private readonly OracleSeries _series;
    private readonly long[] _sourceTicks;
    private readonly double[] _sourcePrices;
    private readonly double[][] _medianScratch;

    private double _latestCandidate;
    private long _newestAdmittedTicks = NoQuote;
    private int _pendingDirection;
    private int _pendingCount;
    private uint _pendingSources;
    private bool _lastAdmissionConfirmed;
    private long _accepted;
    private long _held;
    private long _confirmations;
    private long _lastLatencyTicks;
    private long _maxLatencyTicks;
    private double _meanLatencyTicks;

    /// <summary>Creates a guard for <paramref name="asset"/>.</summary>
    /// <param name="asset">The asset whose quotes this guard takes.</param>
    /// <param name="options">The configuration; copied, and validated with <see cref="OracleGuardOptions.Validate"/>.</param>
    /// <param name="timeProvider">The clock for arrival times and decisions; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public OracleGuard(AssetId asset, OracleGuardOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        options.Validate();
        Asset = asset;
        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _validator = new QuoteValidator(_options.MaxStaleness, _options.MaxFutureSkew);
        _stalenessTicks = _options.MaxStaleness.Ticks;
        _delayTicks = _options.Delay.Ticks;
        _smoothedOrDelayed = _options.Smoothing != OracleSmoothing.None || _delayTicks > 0;
        _series = new OracleSeries(_options);
        _sourceTicks = new long[_options.SourceCount];
        _sourcePrices = new double[_options.SourceCount];
        Array.Fill(_sourceTicks, NoQuote);
        _medianScratch = new double[_options.SourceCount][];
        for (var i = 0; i < _medianScratch.Length; i++)
        {
            _medianScratch[i] = new double[i + 1];
        }
    }

    /// <summary>The asset this guard prices.</summary>
    public AssetId Asset { get; }

    /// <summary>Number of sources, indexed from 0.</summary>
    public int SourceCount => _sourceTicks.Length;

    /// <summary>Counters and latency accounting.</summary>
    public OracleGuardStatistics Statistics => new(
        _accepted,
        _held,
        _confirmations,
        TimeSpan.FromTicks(_lastLatencyTicks),
        TimeSpan.FromTicks(_maxLatencyTicks),
        TimeSpan.FromTicks((long)Math.Round(_meanLatencyTicks)));

    /// <summary>Offers one quote from <paramref name="source"/> and returns the decision after it.</summary>
    /// <param name="quote">The raw quote; its asset must be <see cref="Asset"/>.</param>
    /// <param name="source">The source index, in [0, <see cref="SourceCount"/>).</param>
    /// <returns>
    /// Whether the quote was accepted, and the decision at the arrival time. A refused quote leaves the guard
    /// exactly as it was.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The quote is for another asset.</exception>
    public OracleUpdate Update(in PriceQuote quote, int source = 0)
    {
        Guard.InRange(source, 0, _sourceTicks.Length - 1);
        if (quote.Asset != Asset)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{nameof(quote)}.Asset' must be {Asset}; was {quote.Asset}."),
                nameof(quote));
        }

        var now = _time.GetUtcNow();
        var rejection = Classify(quote, source, now);
        if (rejection == QuoteRejection.None)
        {
            Accept(quote, source, now.UtcTicks);
        }

        return new OracleUpdate(rejection, Decide(now));
    }

    /// <summary>The decision now, without a new quote (time passing can make the price stale).</summary>
    public OracleDecision Decide() => Decide(_time.GetUtcNow());

    private OracleDecision Decide(DateTimeOffset now)
    {
        if (_series.Count == 0)
        {
            return new OracleDecision(Asset, OracleStatus.Unavailable, 0, now - _options.Delay, 0, TimeSpan.Zero, now);
        }

        var nowTicks = now.UtcTicks;
        var age = TimeSpan.FromTicks(nowTicks - _newestAdmittedTicks);
        var priceTicks = nowTicks - _delayTicks;
        var priceTime = new DateTimeOffset(priceTicks, TimeSpan.Zero);
        var hasPrice = _series.TryEvaluate(priceTicks, out var price);
        OracleStatus status;
        if (age.Ticks > _stalenessTicks)
        {
            status = OracleStatus.StalePaused;
        }
        else if (!hasPrice)
        {
            status = OracleStatus.Unavailable;
        }
        else if (_pendingDirection != 0)
        {
            status = OracleStatus.DeviationHeld;
        }
        else if (_lastAdmissionConfirmed)
        {
            status = OracleStatus.Confirmed;
        }
        else
        {
            status = _smoothedOrDelayed ? OracleStatus.Smoothed : OracleStatus.Fresh;
        }

        return new OracleDecision(Asset, status, price, priceTime, _latestCandidate, age, now);
    }

    private QuoteRejection Classify(in PriceQuote quote, int source, DateTimeOffset now)
    {
        var rejection = _validator.Validate(quote, now);
        if (rejection != QuoteRejection.None)
        {
            return rejection;
        }

        var last = _sourceTicks[source];
        var ticks = quote.Timestamp.UtcTicks;
        if (last == NoQuote || ticks > last)
        {
            return QuoteRejection.None;
        }

        return ticks == last && quote.Price == _sourcePrices[source] ? QuoteRejection.Duplicate : QuoteRejection.OutOfOrder;
    }

    private void Accept(in PriceQuote quote, int source, long nowTicks)
    {
        var ticks = quote.Timestamp.UtcTicks;
        _sourceTicks[source] = ticks;
        _sourcePrices[source] = quote.Price;

        var latency = nowTicks - ticks;
        _lastLatencyTicks = latency;
        _maxLatencyTicks = _accepted == 0 ? latency : Math.Max(_maxLatencyTicks, latency);
        _accepted++;

        // A running mean rather than a sum: it cannot overflow however many quotes arrive.
        _meanLatencyTicks += (latency - _meanLatencyTicks) / _accepted;

        var candidate = MedianOfLiveSources(nowTicks);
        _latestCandidate = candidate;
        if (_series.Count == 0 || IsInLine(candidate, nowTicks))
        {
            Admit(ticks, candidate, confirmed: false);
            return;
        }

        var direction = candidate > _series.Newest.Price ? 1 : -1;
        if (direction != _pendingDirection)
        {
            _pendingDirection = direction;
            _pendingCount = 0;
            _pendingSources = 0;
        }

        _pendingCount++;
        _pendingSources |= 1u << source;
        if (_pendingCount >= _options.ConfirmationQuotes || BitOperations.PopCount(_pendingSources) >= _options.ConfirmationSources)
        {
            _confirmations++;
            Admit(ticks, candidate, confirmed: true);
            return;
        }

        _held++;
    }

    /// <summary>
    /// A candidate is in line when it is within the deviation limit of the smoothed price now or of the latest
    /// admitted price: a one-tick wick is far from both, while after a confirmed jump quotes at the new level are in
    /// line with the latest admitted price even before the average has caught up.
    /// </summary>
    private bool IsInLine(double candidate, long nowTicks)
    {
        var limit = _options.MaxDeviation;
        var latest = _series.Newest;
        if (Math.Abs((candidate / latest.Price) - 1) <= limit)
        {
            return true;
        }

        _series.TryEvaluate(Math.Max(nowTicks, latest.Ticks), out var smoothed);
        return Math.Abs((candidate / smoothed) - 1) <= limit;
    }

    private void Admit(long ticks, double price, bool confirmed)
    {
        _series.Admit(ticks, price);
        _newestAdmittedTicks = Math.Max(_newestAdmittedTicks, ticks);
        _pendingDirection = 0;
        _pendingCount = 0;
        _pendingSources = 0;
        _lastAdmissionConfirmed = confirmed;
    }

    private double MedianOfLiveSources(long nowTicks)
    {
        var live = 0;
        for (var i = 0; i < _sourceTicks.Length; i++)
        {
            if (IsLive(i, nowTicks))
            {
                live++;
            }
        }

        var scratch = _medianScratch[live - 1];
        var n = 0;
        for (var i = 0; i < _sourceTicks.Length; i++)
        {
            if (IsLive(i, nowTicks))
            {
                scratch[n++] = _sourcePrices[i];
            }
        }

        return live == 1 ? scratch[0] : ArrayStatistics.MedianInplace(scratch);
    }

    private bool IsLive(int source, long nowTicks) =>
        _sourceTicks[source] != NoQuote && nowTicks - _sourceTicks[source] <= _stalenessTicks;

    /// <summary>Writes the guard's configuration and full state as versioned JSON.</summary>
    /// <returns>A JSON document that <see cref="Restore"/> turns back into an equivalent guard.</returns>
    public string SaveSnapshot()
    {
        var observations = _series.ToArray();
        var snapshot = new OracleGuardSnapshot
        {
            Version = SnapshotVersion,
            Asset = Asset.Value,
            Options = _options.Clone(),
            SourceTicks = (long[])_sourceTicks.Clone(),
            SourcePrices = (double[])_sourcePrices.Clone(),
            Ticks = new long[observations.Length],
            Prices = new double[observations.Length],
            Emas = new double[observations.Length],
            LatestCandidate = _latestCandidate,
            NewestAdmittedTicks = _newestAdmittedTicks,
            PendingDirection = _pendingDirection,
            PendingCount = _pendingCount,
            PendingSources = _pendingSources,
            LastAdmissionConfirmed = _lastAdmissionConfirmed,
            AcceptedQuotes = _accepted,
            HeldQuotes = _held,
            Confirmations = _confirmations,
            LastLatencyTicks = _lastLatencyTicks,
            MaxLatencyTicks = _maxLatencyTicks,
            MeanLatencyTicks = _meanLatencyTicks,
        };
        for (var i = 0; i < observations.Length; i++)
        {
            snapshot.Ticks[i] = observations[i].Ticks;
            snapshot.Prices[i] = observations[i].Price;
            snapshot.Emas[i] = observations[i].Ema;
        }

        return SnapshotJson.Write(snapshot, OracleJsonContext.Default.OracleGuardSnapshot);
    }

    /// <summary>Recreates a guard from <see cref="SaveSnapshot"/> output; it decides exactly as the saved guard would.</summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The restored guard.</returns>
    /// <exception cref="ArgumentException">The JSON is malformed, of another version, or describes an impossible state; the message names the field.</exception>
    public static OracleGuard Restore(string json, TimeProvider? timeProvider = null)
    {
        var s = SnapshotJson.Read(json, OracleJsonContext.Default.OracleGuardSnapshot, SnapshotVersion);
        s.Validate();
        var guard = new OracleGuard(new AssetId(s.Asset), s.Options, timeProvider);
        s.SourceTicks.CopyTo(guard._sourceTicks, 0);
        s.SourcePrices.CopyTo(guard._sourcePrices, 0);
        for (var i = 0; i < s.Ticks.Length; i++)
        {
            guard._series.Load(new OracleObservation(s.Ticks[i], s.Prices[i], s.Emas[i]));
        }

        guard._latestCandidate = s.LatestCandidate;
        guard._newestAdmittedTicks = s.NewestAdmittedTicks;
        guard._pendingDirection = s.PendingDirection;
        guard._pendingCount = s.PendingCount;
        guard._pendingSources = s.PendingSources;
        guard._lastAdmissionConfirmed = s.LastAdmissionConfirmed;
        guard._accepted = s.AcceptedQuotes;
        guard._held = s.HeldQuotes;
        guard._confirmations = s.Confirmations;
        guard._lastLatencyTicks = s.LastLatencyTicks;
        guard._maxLatencyTicks = s.MaxLatencyTicks;
        guard._meanLatencyTicks = s.MeanLatencyTicks;
        return guard;
    }
}
