using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Depth;

/// <summary>
/// One side of a validated book with prefix sums of size and notional, built once per snapshot in O(levels), so that
/// every later question (execution of Q, marginal price at Q, largest quantity within a slippage bound) is a binary
/// search: O(log levels), no allocation. Answers are bit-identical to <see cref="BookWalk"/>, because the prefix sums
/// are the walk's running sums added in the same order. Formulas and sources: docs/depth.md.
/// </summary>
/// <remarks>
/// The ladder reads the book's levels and the caller's prefix-sum buffers without copying; none of them may change while it
/// is in use. Immutable; thread-safe as long as the buffers are not written.
/// </remarks>
public readonly ref struct DepthLadder
{
    private readonly ReadOnlySpan<BookLevel> _levels;
    private readonly ReadOnlySpan<double> _cumulativeSize;
    private readonly ReadOnlySpan<double> _cumulativeNotional;

    internal DepthLadder(
        ReadOnlySpan<BookLevel> levels,
        ReadOnlySpan<double> cumulativeSize,
        ReadOnlySpan<double> cumulativeNotional,
        TradeSide side,
        double midPrice)
    {
        _levels = levels;
        _cumulativeSize = cumulativeSize;
        _cumulativeNotional = cumulativeNotional;
        Side = side;
        MidPrice = midPrice;
    }

    /// <summary>The direction of trades this ladder answers for: a sale reads the bids, a purchase the asks.</summary>
    public TradeSide Side { get; }

    /// <summary>The book's mid price (the traded side's best price when the opposite side is empty).</summary>
    public double MidPrice { get; }

    /// <summary>The traded side's best price.</summary>
    public double BestPrice => _levels[0].Price;

    /// <summary>The number of levels on the traded side.</summary>
    public int LevelCount => _levels.Length;

    /// <summary>All base units resting on the traded side: the most any trade can fill.</summary>
    public double Capacity => _cumulativeSize[^1];

    /// <summary>Builds a ladder over one side of <paramref name="book"/>.</summary>
    /// <param name="book">A validated book whose traded side is not empty.</param>
    /// <param name="side">Sell into bids or buy from asks.</param>
    /// <param name="cumulativeSize">Receives the running size; at least as long as the side.</param>
    /// <param name="cumulativeNotional">Receives the running notional; at least as long as the side.</param>
    /// <returns>The ladder over the book and the two buffers.</returns>
    /// <exception cref="ArgumentException">The traded side is empty or a buffer is too short.</exception>
    public static DepthLadder Build(OrderBook book, TradeSide side, Span<double> cumulativeSize, Span<double> cumulativeNotional)
    {
        var levels = BookWalk.SideOf(book, side);
        Guard.DestinationLength(cumulativeSize, levels.Length);
        Guard.DestinationLength(cumulativeNotional, levels.Length);
        FillPrefixSums(levels, cumulativeSize, cumulativeNotional);
        return new DepthLadder(
            levels,
            cumulativeSize[..levels.Length],
            cumulativeNotional[..levels.Length],
            side,
            BookWalk.MidOf(book, side));
    }

    /// <summary>Walks a trade of <paramref name="quantity"/> base units; same answer as <see cref="BookWalk.Walk(OrderBook, TradeSide, double)"/>.</summary>
    /// <param name="quantity">Base units; finite, zero or more.</param>
    /// <returns>The execution.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is out of range.</exception>
    public Execution Execute(double quantity)
    {
        Guard.FiniteNonNegative(quantity);
        var best = BestPrice;
        if (quantity == 0)
        {
            return new Execution(Side, 0, 0, 0, best, -1, best, MidPrice);
        }

        var k = FirstReaching(quantity);
        if (k == _levels.Length)
        {
            return new Execution(Side, quantity, Capacity, _cumulativeNotional[^1], _levels[^1].Price, k - 1, best, MidPrice);
        }

        var sizeBefore = k == 0 ? 0.0 : _cumulativeSize[k - 1];
        var notionalBefore = k == 0 ? 0.0 : _cumulativeNotional[k - 1];
        var price = _levels[k].Price;
        return new Execution(Side, quantity, quantity, notionalBefore + (price * (quantity - sizeBefore)), price, k, best, MidPrice);
    }

    /// <summary>The price of the unit at cumulative quantity <paramref name="quantity"/> (the level it falls in).</summary>
    /// <param name="quantity">Base units; finite, zero or more. Beyond <see cref="Capacity"/> the last level's price.</param>
    /// <returns>The level price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is out of range.</exception>
    public double MarginalPrice(double quantity)
    {
        Guard.FiniteNonNegative(quantity);
        return _levels[Math.Min(FirstReaching(quantity), _levels.Length - 1)].Price;
    }

    /// <summary>The largest quantity whose slippage stays within <paramref name="bound"/>.</summary>
    /// <param name="bound">The slippage bound.</param>
    /// <returns>Base units; same answer as <see cref="BookWalk.MaxQuantityWithin(OrderBook, TradeSide, SlippageBound)"/>.</returns>
    public double MaxQuantityWithin(SlippageBound bound)
    {
        var reference = bound.Reference == SlippageReference.Mid ? MidPrice : BestPrice;
        return MaxQuantityWithin(Slippage.Limit(Side, reference, bound.MaxBps), bound.Measure);
    }

    /// <summary>The largest quantity whose average or worst price is no worse than <paramref name="limitPrice"/>, in O(log levels).</summary>
    /// <param name="limitPrice">The worst acceptable price; finite, zero or more.</param>
    /// <param name="measure">Whether the limit applies to the average or to the worst level.</param>
    /// <returns>Base units.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limitPrice"/> is out of range.</exception>
    public double MaxQuantityWithin(double limitPrice, SlippageMeasure measure)
    {
        Guard.FiniteNonNegative(limitPrice);
        var sign = Slippage.Sign(Side);
        if (measure == SlippageMeasure.WorstPrice)
        {
            var within = LastFullLevels(new WorstWithin(_levels, sign, limitPrice));
            return within == 0 ? 0.0 : _cumulativeSize[within - 1];
        }

        // sign·(N_k − L·S_k) is concave in k (level prices only get worse), so the levels whose running average is
        // within the limit form a prefix: binary search finds its end, then one level is taken in part.
        var full = LastFullLevels(new AverageWithin(_cumulativeSize, _cumulativeNotional, sign, limitPrice));
        if (full == _levels.Length)
        {
            return Capacity;
        }

        var size = full == 0 ? 0.0 : _cumulativeSize[full - 1];
        var notional = full == 0 ? 0.0 : _cumulativeNotional[full - 1];
        var (price, levelSize) = _levels[full];
        return size + BookWalk.PartialWithinAverage(notional, size, price, levelSize, limitPrice);
    }

    internal static void FillPrefixSums(ReadOnlySpan<BookLevel> levels, Span<double> cumulativeSize, Span<double> cumulativeNotional)
    {
        double size = 0, notional = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            var (price, levelSize) = levels[i];
            notional += price * levelSize;
            size += levelSize;
            cumulativeSize[i] = size;
            cumulativeNotional[i] = notional;
        }
    }

    /// <summary>The first level whose running size reaches <paramref name="quantity"/>; the level count when none does.</summary>
    private int FirstReaching(double quantity)
    {
        int lo = 0, hi = _levels.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_cumulativeSize[mid] >= quantity)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>The largest k in [0, levels] for which the first k full levels satisfy the predicate (true for k = 0).</summary>
    private int LastFullLevels<TPredicate>(TPredicate predicate)
        where TPredicate : ILevelPredicate, allows ref struct
    {
        int lo = 0, hi = _levels.Length + 1;
        while (hi - lo > 1)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (predicate.Holds(mid - 1))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private interface ILevelPredicate
    {
        bool Holds(int lastLevel);
    }

    private readonly ref struct AverageWithin(ReadOnlySpan<double> size, ReadOnlySpan<double> notional, double sign, double limit) : ILevelPredicate
    {
        private readonly ReadOnlySpan<double> _size = size;
        private readonly ReadOnlySpan<double> _notional = notional;

        public bool Holds(int lastLevel) => sign * (_notional[lastLevel] - (limit * _size[lastLevel])) >= 0;
    }

    private readonly ref struct WorstWithin(ReadOnlySpan<BookLevel> levels, double sign, double limit) : ILevelPredicate
    {
        private readonly ReadOnlySpan<BookLevel> _levels = levels;

        public bool Holds(int lastLevel) => sign * (_levels[lastLevel].Price - limit) >= 0;
    }
}
