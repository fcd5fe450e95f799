using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// The <c>cascadeguard</c> policy's host feeds over one simulated world: the engine reads the step's oracle prices and the
/// simulated book through the same <see cref="IPriceFeed"/> and <see cref="IOrderBookFeed"/> a platform implements. Each
/// quote is stamped with the step's time; the book is the bid side of the simulated market rendered as
/// <see cref="Levels"/> levels every <see cref="Spacing"/> below the mid (<see cref="MarketView.CopyBids"/>), which covers
/// 2 % of the price — more than twice what the engine's 50 bps average-price bound reaches on the fitted book shape. The
/// simulated market has no ask side; one ask level sits a hair (10⁻⁶) above the best bid so that the book is valid and the
/// engine's mid is the simulator's to 0.005 bp. Not thread-safe: one per world.
/// </summary>
internal sealed class EngineFeeds : IPriceFeed, IOrderBookFeed
{
    /// <summary>Levels rendered: the engine reads at most <c>CascadeGuardEngine.BookDepth</c> (200).</summary>
    public const int Levels = 200;

    /// <summary>Distance between levels, as a fraction of the mid: 1 bp.</summary>
    public const double Spacing = 0.0001;

    // The ask a hair above the best bid, relative.
    private const double AskSpread = 1e-6;

    // A level of an infinitely deep book (feedback off) is reported as this many units: finite, so that the engine's
    // prefix sums stay finite, and still far beyond any sale.
    private const double DeepLevel = 1e15;

    private readonly double[] _prices = new double[Levels];
    private readonly double[] _units = new double[Levels];
    private readonly AssetId _collateral;
    private readonly AssetId _debt;
    private readonly MarketId _marketId;
    private MarketView _market;
    private double _collateralPrice;
    private double _debtPrice;
    private DateTimeOffset _now;

    public EngineFeeds(AssetId collateral, AssetId debt, MarketId market)
    {
        _collateral = collateral;
        _debt = debt;
        _marketId = market;
    }

    /// <summary>Moves the feeds to a step: its oracle prices, time and book.</summary>
    public void Set(in StepContext context)
    {
        _collateralPrice = context.CollateralOracle;
        _debtPrice = context.DebtOracle;
        _now = context.Now;
        _market = context.Market;
    }

    public bool TryGetLatest(AssetId asset, out PriceQuote quote)
    {
        if (asset == _collateral)
        {
            quote = new PriceQuote(asset, _collateralPrice, _now);
            return true;
        }

        if (asset == _debt)
        {
            quote = new PriceQuote(asset, _debtPrice, _now);
            return true;
        }

        quote = default;
        return false;
    }

    public bool TryCopyBook(MarketId market, Span<BookLevel> bids, Span<BookLevel> asks, out OrderBookCopy copy)
    {
        if (market != _marketId || bids.IsEmpty || asks.IsEmpty)
        {
            copy = default;
            return false;
        }

        var written = _market.CopyBids(Spacing, _prices, _units);
        var n = 0;
        for (var k = 0; k < written && n < bids.Length; k++)
        {
            var size = Math.Min(_units[k], DeepLevel);
            if (!(size > 0))
            {
                break; // the end of the book
            }

            bids[n++] = new BookLevel(_prices[k], size);
        }

        if (n == 0)
        {
            copy = default;
            return false;
        }

        asks[0] = new BookLevel(bids[0].Price * (1 + AskSpread), bids[0].Size);
        copy = new OrderBookCopy(n, 1, _now);
        return true;
    }
}
