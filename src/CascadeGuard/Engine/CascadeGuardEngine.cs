using System.Globalization;
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
using CascadeGuard.Venues;
using CascadeGuard.Volatility;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CascadeGuard.Engine;

/// <summary>
/// The engine a host embeds. Each <see cref="Tick"/> runs the whole pipeline — quotes → oracle guard → margin evaluation of
/// the accounts a price move or an update can have changed → new liquidations (the minimal partial liquidation first, an
/// auction for accounts it cannot restore) → budgets from the order books through the volume throttles, tightened by the
/// circuit breakers and adaptive parameters → scheduler → instructions out. Fills, cancels and auction takes come back
/// through explicit calls and are applied idempotently. See docs/engine.md.
/// </summary>
/// <remarks>
/// The engine decides and never executes: it places no orders and calls no venue; the host's executor does. Thread-safety:
/// one writer — every method except <see cref="GetStatistics"/> must be called from one thread at a time (the host's tick
/// loop); <see cref="GetStatistics"/> may be called from any thread at any time and returns a consistent snapshot taken
/// at the end of the last command.
/// </remarks>
public sealed partial class CascadeGuardEngine : IDisposable
{
    private const BookSides RequiredSides = BookSides.Both;

    private readonly EngineDefinition _definition;
    private readonly RiskParameterTable _table;
    private readonly IPriceFeed _priceFeed;
    private readonly IOrderBookFeed _bookFeed;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EngineTelemetry _telemetry;
    private readonly IDisposable? _reloadSubscription;
    private readonly CascadeGuardOptions _componentOptions;
    private volatile CascadeGuardOptions? _pendingOptions;
    private CascadeGuardOptions _options;

    // Accounts: the columnar book, which assets each account has ever held (for the holders index), and its liquidation.
    private AccountBook _book;
    private readonly List<int>[] _holders;
    private ulong[] _indexedAssets;
    private int[] _activeMarket;
    private long[] _liveJob;
    private long[] _activeAuction;
    private int[] _touchedEpoch;
    private int _epoch;
    private readonly List<AccountId> _touched = [];
    private readonly List<int> _dirty = [];
    private double[] _healthScratch = new double[1024];
    private AccountStatus[] _statusScratch = new AccountStatus[1024];
    private readonly CollateralPosition[] _collateralScratch;
    private readonly DebtPosition[] _debtScratch;

    // Assets.
    private readonly OracleGuard[] _oracles;
    private readonly long[] _lastQuoteTicks;
    private readonly double[] _prices;
    private readonly double[] _evaluatedPrices;
    private readonly bool[] _canLiquidate;
    private readonly bool[] _disputed;
    private readonly bool[] _disputedScratch;
    private readonly double[] _bookMid;
    private readonly EwmaVolatility[] _volatility;

    // Markets.
    private readonly EngineMarket[] _markets;
    private readonly IVolumeThrottle[] _throttles;
    private readonly ScaledThrottle[] _scaled;
    private readonly CircuitBreaker[] _breakers;
    private readonly OrderBookVenue[] _venues;
    private readonly double[] _depthNotional;
    private readonly double[] _vpin;
    private readonly double[] _referencePrices;
    private readonly KeyValuePair<string, object?>[] _marketTags;
    private readonly BookLevel[] _bidBuffer;
    private readonly BookLevel[] _askBuffer;
    private double _congestion;

    // Components.
    private LiquidationScheduler _scheduler;
    private DutchAuctionHouse _auctions;
    private InsuranceFund _fund;
    private BufferPoolSet _pools;
    private LossWaterfall _waterfall;
    private AdaptiveRiskParameters _adaptive;
    private readonly RiskParameterChange[] _changes = new RiskParameterChange[AdaptiveRiskParameters.ParameterCount];
    private readonly ShortfallRelay _shortfalls;
    private readonly Dictionary<long, AuctionTakeResult> _takes = [];

    // Outputs of the current tick (reused).
    private SellInstruction[] _sales = new SellInstruction[256];
    private readonly GrowableBuffer<AuctionStarted> _auctionsStarted = new();
    private readonly GrowableBuffer<AuctionRestarted> _auctionsRestarted = new();
    private readonly GrowableBuffer<LossAbsorption> _absorptions = new();
    private readonly GrowableBuffer<LossAbsorption> _absorptionsOut = new();
    private readonly GrowableBuffer<AssetId> _paused = new();
    private readonly GrowableBuffer<BreakerTransition> _transitions = new();
    private AuctionView[] _auctionViews = new AuctionView[16];

    private readonly Lock _statisticsGate = new();
    private Counters _counters;
    private EngineStatistics _statistics;

    /// <summary>Creates an engine with fixed options (no reloads).</summary>
    /// <param name="definition">The platform: assets, settlement asset, markets.</param>
    /// <param name="priceFeed">The host's price feed.</param>
    /// <param name="bookFeed">The host's order-book feed.</param>
    /// <param name="options">Options; validated and copied. Default: the defaults.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">A logger; default none.</param>
    /// <param name="meterFactory">Creates the <c>CascadeGuard</c> meter; default a meter of the engine's own.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad field.</exception>
    /// <exception cref="ArgumentException">The options do not fit the definition.</exception>
    public CascadeGuardEngine(
        EngineDefinition definition,
        IPriceFeed priceFeed,
        IOrderBookFeed bookFeed,
        CascadeGuardOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<CascadeGuardEngine>? logger = null,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
        : this(definition, priceFeed, bookFeed, options ?? new CascadeGuardOptions(), null, timeProvider, logger, meterFactory)
    {
    }

    /// <summary>
    /// Creates an engine whose liquidation policy follows an options monitor (reloads apply at the next tick). Used by
    /// <c>AddCascadeGuard</c>; hosts without dependency injection use the public constructor.
    /// </summary>
    /// <param name="definition">The platform: assets, settlement asset, markets.</param>
    /// <param name="priceFeed">The host's price feed.</param>
    /// <param name="bookFeed">The host's order-book feed.</param>
    /// <param name="options">The options monitor.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">A logger.</param>
    /// <param name="meterFactory">Creates the <c>CascadeGuard</c> meter; null for a meter of the engine's own.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad field.</exception>
    internal CascadeGuardEngine(
        EngineDefinition definition,
        IPriceFeed priceFeed,
        IOrderBookFeed bookFeed,
        IOptionsMonitor<CascadeGuardOptions> options,
        TimeProvider timeProvider,
        ILogger<CascadeGuardEngine> logger,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory)
        : this(definition, priceFeed, bookFeed, (options ?? throw new ArgumentNullException(nameof(options))).CurrentValue, options, timeProvider, logger, meterFactory)
    {
    }

    private CascadeGuardEngine(
        EngineDefinition definition,
        IPriceFeed priceFeed,
        IOrderBookFeed bookFeed,
        CascadeGuardOptions options,
        IOptionsMonitor<CascadeGuardOptions>? monitor,
        TimeProvider? timeProvider,
        ILogger? logger,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory)
    {
        Guard.NotNull(definition);
        Guard.NotNull(priceFeed);
        Guard.NotNull(bookFeed);
        var errors = CascadeGuardOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(CascadeGuardOptions), typeof(CascadeGuardOptions), errors);
        }

        CheckFits(definition, options);
        _definition = definition;
        _table = definition.Assets;
        _priceFeed = priceFeed;
        _bookFeed = bookFeed;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _telemetry = new EngineTelemetry(meterFactory);
        _options = Copy(options);
        _componentOptions = _options;

        var assets = _table.AssetCount;
        _book = new AccountBook(assets, definition.CollateralSlots, definition.DebtSlots);
        _holders = new List<int>[assets];
        for (var a = 0; a < assets; a++)
        {
            _holders[a] = [];
        }

        _indexedAssets = new ulong[1024];
        _activeMarket = new int[1024];
        Array.Fill(_activeMarket, -1);
        _liveJob = new long[1024];
        _activeAuction = new long[1024];
        _touchedEpoch = new int[1024];
        _ratioIndex = new LiquidationRatioIndex(assets);
        _scanned = new bool[1024];
        _watchSlot = new int[1024];
        _holderPositions = new int[]?[assets];
        _collateralScratch = new CollateralPosition[definition.CollateralSlots];
        _debtScratch = new DebtPosition[definition.DebtSlots];

        _oracles = new OracleGuard[assets];
        _lastQuoteTicks = new long[assets];
        _prices = new double[assets];
        _evaluatedPrices = new double[assets];
        _previousPrices = new double[assets];
        _canLiquidate = new bool[assets];
        _disputed = new bool[assets];
        _disputedScratch = new bool[assets];
        _volatility = new EwmaVolatility[assets];
        for (var a = 0; a < assets; a++)
        {
            _oracles[a] = new OracleGuard(new AssetId(a), options.Oracle, _time);
            _volatility[a] = new EwmaVolatility();
            _lastQuoteTicks[a] = long.MinValue;
        }

        _markets = [.. definition.Markets];
        var marketCount = _markets.Length;
        _throttles = new IVolumeThrottle[marketCount];
        _scaled = new ScaledThrottle[marketCount];
        _breakers = new CircuitBreaker[marketCount];
        _venues = new OrderBookVenue[marketCount];
        _depthNotional = new double[marketCount];
        _bookMid = new double[marketCount];
        _vpin = new double[marketCount];
        var schedulerMarkets = new SchedulerMarket[marketCount];
        var maxMarketId = 0;
        for (var m = 0; m < marketCount; m++)
        {
            var market = _markets[m];
            _throttles[m] = options.UseVolumeThrottle
                ? new VolumeThrottle(market.Id, options.Throttle, _time)
                : new UnlimitedVolumeThrottle(market.Id);
            _scaled[m] = new ScaledThrottle(_throttles[m]);
            _breakers[m] = new CircuitBreaker(options.Breaker, _time);
            _venues[m] = new OrderBookVenue();
            schedulerMarkets[m] = new SchedulerMarket(_scaled[m], market.MinimumOrder, market.MaximumSlice);
            maxMarketId = Math.Max(maxMarketId, market.Id.Value);
        }

        _referencePrices = new double[maxMarketId + 1];
        _marketTags = [.. _markets.Select(m => new KeyValuePair<string, object?>("market", m.Id.Value))];
        _bidBuffer = new BookLevel[BookDepth];
        _askBuffer = new BookLevel[BookDepth];
        _scheduler = new LiquidationScheduler(schedulerMarkets, options.Scheduler, _time);
        _scheduler.TrackFinishedJobs();
        _fund = new InsuranceFund(InsuranceOptions(options, definition), _time);
        _pools = new BufferPoolSet(options.BufferPools.Count > 0 ? options.BufferPools : [DefaultPool(definition, options)], _time);
        _waterfall = new LossWaterfall(options.Waterfall, _fund, _pools, _time);
        _shortfalls = new ShortfallRelay(this);
        _auctions = new DutchAuctionHouse(options.Auctions, _time, _shortfalls);
        _adaptive = new AdaptiveRiskParameters(options.Adaptive, _time);
        _reloadSubscription = monitor?.OnChange(OnOptionsChanged);
        Publish();
    }

    /// <summary>Levels per side read from the host's order-book feed each tick.</summary>
    public static int BookDepth => 200;

    /// <summary>The platform this engine runs.</summary>
    public EngineDefinition Definition => _definition;

    /// <summary>
    /// The buffer pools: depositors deposit, withdraw and claim through it (from the engine's writer thread), and the loss
    /// waterfall draws on it.
    /// </summary>
    public BufferPoolSet BufferPools => _pools;

    /// <summary>The insurance fund: the host may contribute to it (fees) or withdraw from it (governance), from the writer thread.</summary>
    public InsuranceFund InsuranceFund => _fund;

    /// <summary>The number of accounts.</summary>
    public int AccountCount => _book.Count;

    /// <summary>Reads the engine's counters. Safe from any thread.</summary>
    /// <returns>The statistics as of the end of the last command.</returns>
    public EngineStatistics GetStatistics()
    {
        lock (_statisticsGate)
        {
            return _statistics;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reloadSubscription?.Dispose();
        _telemetry.Dispose();
    }

    private static void CheckFits(EngineDefinition definition, CascadeGuardOptions options)
    {
        var quantum = options.SettlementQuantum;
        var auctionMoney = 1m / (decimal)Math.Pow(10, options.Auctions.MoneyDecimals);
        if (auctionMoney % quantum != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Auctions.MoneyDecimals ({options.Auctions.MoneyDecimals}) must give amounts in whole multiples of SettlementQuantum ({quantum})."),
                nameof(options));
        }

        foreach (var pool in options.BufferPools)
        {
            if (pool.DebtAsset != definition.SettlementAsset)
            {
                throw new ArgumentException($"Buffer pool '{pool.Name}' must take debt in the settlement asset {definition.SettlementAsset}.", nameof(options));
            }
        }
    }

    private static InsuranceFundOptions InsuranceOptions(CascadeGuardOptions options, EngineDefinition definition) => new()
    {
        Asset = definition.SettlementAsset,
        Quantum = options.SettlementQuantum,
        Floor = options.Insurance.Floor,
        Cap = options.Insurance.Cap,
    };

    /// <summary>Without configured pools the waterfall still needs a pool set: one empty pool, which absorbs nothing until funded.</summary>
    private static BufferPoolOptions DefaultPool(EngineDefinition definition, CascadeGuardOptions options)
    {
        var pool = new BufferPoolOptions
        {
            Name = "default",
            DebtAsset = definition.SettlementAsset,
            DebtQuantum = options.SettlementQuantum,
            MinimumBalance = options.SettlementQuantum,
        };
        pool.GainAssets.Add(new PoolAsset(definition.SettlementAsset, options.SettlementQuantum));
        return pool;
    }

    private static CascadeGuardOptions Copy(CascadeGuardOptions source)
    {
        // The liquidation policy is copied field by field; component sections are only read at construction.
        var copy = new CascadeGuardOptions
        {
            TargetHealthFactor = source.TargetHealthFactor,
            CloseFactor = source.CloseFactor,
            MinimumDebtRemainder = source.MinimumDebtRemainder,
            ExpectedSlippage = source.ExpectedSlippage,
            AtRiskBand = source.AtRiskBand,
            MaxOracleBookDeviation = source.MaxOracleBookDeviation,
            TickInterval = source.TickInterval,
            UseVolumeThrottle = source.UseVolumeThrottle,
            UseAdaptiveParameters = source.UseAdaptiveParameters,
            SettlementQuantum = source.SettlementQuantum,
            Oracle = source.Oracle,
            Throttle = source.Throttle,
            Scheduler = source.Scheduler,
            Auctions = source.Auctions,
            Breaker = source.Breaker,
            Adaptive = source.Adaptive,
            Insurance = source.Insurance,
            Waterfall = source.Waterfall,
        };
        foreach (var pool in source.BufferPools)
        {
            copy.BufferPools.Add(pool);
        }

        return copy;
    }

    private void OnOptionsChanged(CascadeGuardOptions options, string? name)
    {
        var errors = CascadeGuardOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            EngineLog.ReloadRejected(_logger, string.Join(" ", errors));
            return;
        }

        // Swapped in atomically at the start of the next tick, by the tick's own thread.
        _pendingOptions = Copy(options);
        EngineLog.Reloaded(_logger);
    }

    private void ApplyPendingOptions()
    {
        var pending = Interlocked.Exchange(ref _pendingOptions, null);
        if (pending is not null)
        {
            _options = pending;
        }
    }

    /// <summary>Publishes the counters for readers on other threads.</summary>
    private void Publish()
    {
        var auctions = _auctions.GetStatistics();
        var statistics = new EngineStatistics(
            _counters.Ticks,
            _book.Count,
            _counters.MarketLiquidations,
            _counters.AuctionLiquidations,
            _counters.CollateralSoldNotional,
            _counters.DebtRepaid,
            _counters.Penalties,
            _counters.BadDebt,
            _scheduler.GetStatistics(),
            auctions,
            _fund.Balance);
        lock (_statisticsGate)
        {
            _statistics = statistics;
        }
    }

    private struct Counters
    {
        public long Ticks;
        public long MarketLiquidations;
        public long AuctionLiquidations;
        public double CollateralSoldNotional;
        public double DebtRepaid;
        public decimal Penalties;
        public decimal BadDebt;
    }

    /// <summary>Hands an auction's shortfall to the loss waterfall (insurance fund, buffer pools, socialization).</summary>
    private sealed class ShortfallRelay(CascadeGuardEngine engine) : IAuctionShortfallSink
    {
        public void Absorb(in AuctionShortfall shortfall) => engine.AbsorbShortfall(shortfall);
    }
}
