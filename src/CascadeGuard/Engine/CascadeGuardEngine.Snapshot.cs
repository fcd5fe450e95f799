using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using CascadeGuard.Auctions;
using CascadeGuard.Breaker;
using CascadeGuard.Feeds;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Margin;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;
using CascadeGuard.Risk;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;
using Microsoft.Extensions.Logging;

namespace CascadeGuard.Engine;

/// <content>Saving the whole engine as one versioned snapshot and restoring it.</content>
public sealed partial class CascadeGuardEngine
{
    private const int SnapshotVersion = 1;
    private const string SnapshotKind = "cascadeguard-engine";

    /// <summary>
    /// Saves the whole state between ticks — accounts, prices and oracle guards, throttles, breakers, the scheduler's queue,
    /// auctions, ledgers, adaptive parameters and counters — as one versioned JSON document. Restored with the same definition
    /// and options, and fed the same quotes, books and fills, the engine emits exactly the instructions the original would have.
    /// The outputs of the last tick are not part of the state.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string SaveSnapshot()
    {
        var columns = _book.ExportColumns();
        var snapshot = new EngineSnapshot
        {
            Version = SnapshotVersion,
            Kind = SnapshotKind,
            AssetCount = _table.AssetCount,
            Markets = [.. _markets.Select(m => m.Id.Value)],
            AccountCount = columns.Count,
            CollateralAssets = columns.CollateralAssets,
            CollateralQuantities = columns.CollateralQuantities,
            DebtAssets = columns.DebtAssets,
            DebtAmounts = columns.DebtAmounts,
            Holders = [.. _holders.Select(h => h.ToArray())],
            IndexedAssets = _indexedAssets[..columns.Count],
            ActiveMarket = _activeMarket[..columns.Count],
            ActiveAuction = _activeAuction[..columns.Count],
            Dirty = [.. _dirty],
            Watch = [.. _watch.Order()],
            Oracles = [.. _oracles.Select(o => o.SaveSnapshot())],
            LastQuoteTicks = [.. _lastQuoteTicks],
            Prices = [.. _prices],
            EvaluatedPrices = [.. _evaluatedPrices],
            CanLiquidate = [.. _canLiquidate],
            Disputed = [.. _disputed],
            BookMid = [.. _bookMid],
            Volatility = [.. _volatility.Select(v => new[] { v.State.PreviousClose, v.State.Variance, v.State.Count })],
            Throttles = [.. _throttles.Select(t => t.SaveSnapshot())],
            Breakers = [.. _breakers.Select(b => b.SaveSnapshot())],
            DepthNotional = [.. _depthNotional],
            Vpin = [.. _vpin],
            Congestion = _congestion,
            Scheduler = _scheduler.SaveSnapshot(),
            Auctions = _auctions.SaveSnapshot(),
            InsuranceFund = _fund.SaveSnapshot(),
            BufferPools = _pools.SaveSnapshot(),
            Waterfall = _waterfall.SaveSnapshot(),
            Adaptive = _adaptive.SaveSnapshot(),
            Ticks = _counters.Ticks,
            MarketLiquidations = _counters.MarketLiquidations,
            AuctionLiquidations = _counters.AuctionLiquidations,
            CollateralSoldNotional = _counters.CollateralSoldNotional,
            DebtRepaid = _counters.DebtRepaid,
            Penalties = _counters.Penalties,
            BadDebt = _counters.BadDebt,
            Takes = new Dictionary<long, AuctionTakeResult>(_takes),
        };
        return JsonSerializer.Serialize(snapshot, EngineJsonContext.Default.EngineSnapshot);
    }

    /// <summary>Restores an engine saved by <see cref="SaveSnapshot"/>.</summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="definition">The same definition as the saved engine's.</param>
    /// <param name="priceFeed">The host's price feed.</param>
    /// <param name="bookFeed">The host's order-book feed.</param>
    /// <param name="options">The same options as the saved engine's (its component state carries its own settings).</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">A logger; default none.</param>
    /// <param name="meterFactory">Creates the <c>CascadeGuard</c> meter; default a meter of the engine's own.</param>
    /// <returns>The restored engine.</returns>
    /// <exception cref="ArgumentException">The snapshot is malformed or does not match the definition; the message names the field.</exception>
    public static CascadeGuardEngine Restore(
        string json,
        EngineDefinition definition,
        IPriceFeed priceFeed,
        IOrderBookFeed bookFeed,
        CascadeGuardOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<CascadeGuardEngine>? logger = null,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        Guard.NotNull(json);
        EngineSnapshot? s;
        try
        {
            s = JsonSerializer.Deserialize(json, EngineJsonContext.Default.EngineSnapshot);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The engine snapshot is not valid JSON: " + e.Message, nameof(json), e);
        }

        var engine = new CascadeGuardEngine(definition, priceFeed, bookFeed, options, timeProvider, logger, meterFactory);
        try
        {
            engine.Load(s);
        }
        catch
        {
            engine.Dispose();
            throw;
        }

        return engine;
    }

    private void Load(EngineSnapshot? s)
    {
        Check(s is not null, "(root)", null);
        Check(s.Version == SnapshotVersion, "version", s.Version);
        Check(s.Kind == SnapshotKind, "kind", s.Kind);
        Check(s.AssetCount == _table.AssetCount, "assetCount", s.AssetCount);
        Check(s.Markets is not null && s.Markets.SequenceEqual(_markets.Select(m => m.Id.Value)), "markets", null);
        var assets = _table.AssetCount;
        var markets = _markets.Length;
        var n = s.AccountCount;
        _book = AccountBook.ImportColumns(
            assets,
            _definition.CollateralSlots,
            _definition.DebtSlots,
            n,
            Present(s.CollateralAssets, "collateralAssets"),
            Present(s.CollateralQuantities, "collateralQuantities"),
            Present(s.DebtAssets, "debtAssets"),
            Present(s.DebtAmounts, "debtAmounts"));
        EnsureAccountCapacity(n);
        var holders = Present(s.Holders, "holders");
        Check(holders.Length == assets, "holders", holders.Length);
        for (var a = 0; a < assets; a++)
        {
            Check(holders[a] is not null && holders[a].All(h => h >= 0 && h < n), "holders", a);
            _holders[a].Clear();
            _holders[a].AddRange(holders[a]);
        }

        Restore(Present(s.IndexedAssets, "indexedAssets"), _indexedAssets, n, "indexedAssets");
        CheckHolders(n);
        Restore(Present(s.ActiveMarket, "activeMarket"), _activeMarket, n, "activeMarket");
        Restore(Present(s.ActiveAuction, "activeAuction"), _activeAuction, n, "activeAuction");
        _dirty.Clear();
        _endedBeforeSave.Clear();
        _dirty.AddRange(Present(s.Dirty, "dirty").Where(d => d >= 0 && d < n));

        var oracles = Present(s.Oracles, "oracles");
        Check(oracles.Length == assets, "oracles", oracles.Length);
        var volatility = Present(s.Volatility, "volatility");
        Check(volatility.Length == assets, "volatility", volatility.Length);
        for (var a = 0; a < assets; a++)
        {
            _oracles[a] = OracleGuard.Restore(oracles[a], _time);
            var v = volatility[a];
            Check(v is { Length: 3 } && _volatility[a].TryRestore(v[0], v[1], (int)v[2]), "volatility", a);
        }

        Restore(Present(s.LastQuoteTicks, "lastQuoteTicks"), _lastQuoteTicks, assets, "lastQuoteTicks");
        Restore(Present(s.Prices, "prices"), _prices, assets, "prices");
        Restore(Present(s.EvaluatedPrices, "evaluatedPrices"), _evaluatedPrices, assets, "evaluatedPrices");
        Restore(Present(s.CanLiquidate, "canLiquidate"), _canLiquidate, assets, "canLiquidate");
        if (s.Disputed is not null)
        {
            Restore(s.Disputed, _disputed, assets, "disputed");
        }

        var throttles = Present(s.Throttles, "throttles");
        var breakers = Present(s.Breakers, "breakers");
        Check(throttles.Length == markets && breakers.Length == markets, "throttles", throttles.Length);
        var schedulerMarkets = new SchedulerMarket[markets];
        for (var m = 0; m < markets; m++)
        {
            _throttles[m] = _componentOptions.UseVolumeThrottle ? VolumeThrottle.Restore(throttles[m], _time) : UnlimitedVolumeThrottle.Restore(throttles[m]);
            _scaled[m] = new ScaledThrottle(_throttles[m]);
            _breakers[m] = CircuitBreaker.Restore(breakers[m], _time);
            schedulerMarkets[m] = new SchedulerMarket(_scaled[m], _markets[m].MinimumOrder, _markets[m].MaximumSlice);
        }

        Restore(Present(s.DepthNotional, "depthNotional"), _depthNotional, markets, "depthNotional");
        if (s.BookMid is not null)
        {
            Restore(s.BookMid, _bookMid, markets, "bookMid");
            for (var m = 0; m < markets; m++)
            {
                Check(double.IsFinite(_bookMid[m]) && _bookMid[m] >= 0, "bookMid", _bookMid[m]);
            }
        }
        Restore(Present(s.Vpin, "vpin"), _vpin, markets, "vpin");
        _congestion = s.Congestion;
        _scheduler = LiquidationScheduler.Restore(Present(s.Scheduler, "scheduler"), schedulerMarkets, _time);
        _scheduler.TrackFinishedJobs();
        for (var a = 0; a < n; a++)
        {
            _liveJob[a] = _activeMarket[a] >= 0 && _activeMarket[a] < markets && _scheduler.TryGetActiveJob(new AccountId(a), _markets[_activeMarket[a]].Id, out var job) ? job.Value : 0;
            if (_liveJob[a] == 0 && _activeMarket[a] >= 0)
            {
                // Its job ended after the last tick: the original learns that at its next tick, and so does this engine.
                _liveJob[a] = EndedBeforeSave;
                _endedBeforeSave.Add(a);
            }
        }

        _auctions = DutchAuctionHouse.Restore(Present(s.Auctions, "auctions"), _time, _shortfalls);
        RebuildIndex(s.Watch);
        _fund = InsuranceFund.Restore(Present(s.InsuranceFund, "insuranceFund"), _time);
        _pools = BufferPoolSet.Restore(Present(s.BufferPools, "bufferPools"), _time);
        _waterfall = LossWaterfall.Restore(Present(s.Waterfall, "waterfall"), _fund, _pools, _time);
        _adaptive = AdaptiveRiskParameters.Restore(Present(s.Adaptive, "adaptive"), _time);
        _takes.Clear();
        foreach (var (id, take) in Present(s.Takes, "takes"))
        {
            _takes.Add(id, take);
        }

        _counters = new Counters
        {
            Ticks = s.Ticks,
            MarketLiquidations = s.MarketLiquidations,
            AuctionLiquidations = s.AuctionLiquidations,
            CollateralSoldNotional = s.CollateralSoldNotional,
            DebtRepaid = s.DebtRepaid,
            Penalties = s.Penalties,
            BadDebt = s.BadDebt,
        };
        Publish();
    }

    /// <summary>The holders lists and each account's asset bits must say the same (a tick reads either).</summary>
    private void CheckHolders(int count)
    {
        var bits = new ulong[count];
        for (var a = 0; a < _holders.Length; a++)
        {
            foreach (var h in _holders[a])
            {
                Check((bits[h] & (1UL << a)) == 0, "holders", a);
                bits[h] |= 1UL << a;
            }
        }

        for (var i = 0; i < count; i++)
        {
            Check(bits[i] == _indexedAssets[i], "indexedAssets", i);
        }
    }

    private static void Restore<T>(T[] saved, T[] target, int count, string field)
    {
        Check(saved.Length == count && target.Length >= count, field, saved.Length);
        saved.CopyTo(target, 0);
    }

    [SuppressMessage("Usage", "CA2208:Instantiate argument exceptions correctly", Justification = "Names the 'json' parameter of Restore, which calls this.")]
    private static void Check([DoesNotReturnIf(false)] bool condition, string field, object? value)
    {
        if (!condition)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Engine snapshot field '{field}' is invalid; was {value ?? "null"}."), "json");
        }
    }

    private static T Present<T>(T? value, string field)
        where T : class
    {
        Check(value is not null, field, null);
        return value;
    }
}
