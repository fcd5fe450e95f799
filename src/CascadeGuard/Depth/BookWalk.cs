using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Depth;

/// <summary>
/// Depth functions that walk a validated book level by level: O(levels touched), no set-up, no allocation. Use them
/// for a single question per snapshot; for many questions against the same snapshot build a <see cref="DepthLadder"/>
/// once and ask it in O(log levels). Both give bit-identical answers. Formulas and sources: docs/depth.md.
/// </summary>
/// <remarks>
/// A sale walks the bids, a purchase the asks. When the opposite side of the book is empty the mid price falls back to the
/// best price of the traded side. Thread-safe (pure).
/// </remarks>
public static class BookWalk
{
    /// <summary>Walks a trade of <paramref name="quantity"/> base units through the book.</summary>
    /// <param name="book">A validated book whose traded side is not empty.</param>
    /// <param name="side">Sell into bids or buy from asks.</param>
    /// <param name="quantity">Base units; finite, zero or more.</param>
    /// <returns>The execution; <see cref="Execution.Unfilled"/> is positive when the book runs out.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The traded side of <paramref name="book"/> is empty.</exception>
    public static Execution Walk(OrderBook book, TradeSide side, double quantity)
    {
        Guard.FiniteNonNegative(quantity);
        var levels = SideOf(book, side);
        return Walk(levels, side, quantity, MidOf(book, side));
    }

    /// <summary>The largest quantity whose slippage stays within <paramref name="bound"/>.</summary>
    /// <param name="book">A validated book whose traded side is not empty.</param>
    /// <param name="side">Sell into bids or buy from asks.</param>
    /// <param name="bound">The slippage bound.</param>
    /// <returns>Base units; the whole side when every level satisfies the bound.</returns>
    /// <exception cref="ArgumentException">The traded side of <paramref name="book"/> is empty.</exception>
    public static double MaxQuantityWithin(OrderBook book, TradeSide side, SlippageBound bound)
    {
        var levels = SideOf(book, side);
        var reference = bound.Reference == SlippageReference.Mid ? MidOf(book, side) : levels[0].Price;
        return MaxQuantityWithin(levels, side, Slippage.Limit(side, reference, bound.MaxBps), bound.Measure);
    }

    /// <summary>The largest quantity whose average or worst price is no worse than <paramref name="limitPrice"/>.</summary>
    /// <param name="book">A validated book whose traded side is not empty.</param>
    /// <param name="side">Sell into bids or buy from asks.</param>
    /// <param name="limitPrice">The worst acceptable price; finite, zero or more.</param>
    /// <param name="measure">Whether the limit applies to the average or to the worst level.</param>
    /// <returns>Base units; zero when even the best level is worse than the limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limitPrice"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The traded side of <paramref name="book"/> is empty.</exception>
    public static double MaxQuantityWithin(OrderBook book, TradeSide side, double limitPrice, SlippageMeasure measure)
    {
        Guard.FiniteNonNegative(limitPrice);
        return MaxQuantityWithin(SideOf(book, side), side, limitPrice, measure);
    }

    internal static double MaxQuantityWithin(ReadOnlySpan<BookLevel> levels, TradeSide side, double limitPrice, SlippageMeasure measure) =>
        measure == SlippageMeasure.AveragePrice
            ? MaxWithinAverage(levels, Slippage.Sign(side), limitPrice)
            : MaxWithinWorst(levels, Slippage.Sign(side), limitPrice);

    /// <summary>The walk itself; the additions happen in the same order as the prefix sums of <see cref="DepthLadder"/>.</summary>
    internal static Execution Walk(ReadOnlySpan<BookLevel> levels, TradeSide side, double quantity, double mid)
    {
        var best = levels[0].Price;
        if (quantity == 0)
        {
            return new Execution(side, 0, 0, 0, best, -1, best, mid);
        }

        double size = 0, notional = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            var (price, levelSize) = levels[i];
            var sizeThrough = size + levelSize;
            if (sizeThrough >= quantity)
            {
                return new Execution(side, quantity, quantity, notional + (price * (quantity - size)), price, i, best, mid);
            }

            notional += price * levelSize;
            size = sizeThrough;
        }

        return new Execution(side, quantity, size, notional, levels[^1].Price, levels.Length - 1, best, mid);
    }

    /// <summary>
    /// Full levels are taken while the running average stays within the limit (<c>sign·(N − L·S) ≥ 0</c>); the first level
    /// that would break it is taken partially, solved in closed form.
    /// </summary>
    private static double MaxWithinAverage(ReadOnlySpan<BookLevel> levels, double sign, double limit)
    {
        double size = 0, notional = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            var (price, levelSize) = levels[i];
            var notionalThrough = notional + (price * levelSize);
            var sizeThrough = size + levelSize;
            if (sign * (notionalThrough - (limit * sizeThrough)) < 0)
            {
                return size + PartialWithinAverage(notional, size, price, levelSize, limit);
            }

            notional = notionalThrough;
            size = sizeThrough;
        }

        return size;
    }

    private static double MaxWithinWorst(ReadOnlySpan<BookLevel> levels, double sign, double limit)
    {
        double size = 0;
        for (var i = 0; i < levels.Length && sign * (levels[i].Price - limit) >= 0; i++)
        {
            size += levels[i].Size;
        }

        return size;
    }

    /// <summary>
    /// The part x of a level (price p, size z) that keeps the average at the limit L after N notional over S units:
    /// (N + p·x) = L·(S + x) ⇒ x = (N − L·S) / (L − p), clamped to [0, z]. The same expression serves both sides. A level
    /// priced exactly at the limit leaves the average where it was, so all of it fits (rounding alone made the running
    /// test fail there).
    /// </summary>
    internal static double PartialWithinAverage(double notional, double size, double price, double levelSize, double limit)
    {
        if (price == limit)
        {
            return levelSize;
        }

        var x = (notional - (limit * size)) / (limit - price);
        return x >= 0 ? Math.Min(x, levelSize) : 0.0;
    }

    internal static ReadOnlySpan<BookLevel> SideOf(OrderBook book, TradeSide side)
    {
        var levels = side == TradeSide.Sell ? book.Bids : book.Asks;
        if (levels.IsEmpty)
        {
            throw new ArgumentException(
                side == TradeSide.Sell ? "The book has no bids to sell into." : "The book has no asks to buy from.",
                nameof(book));
        }

        return levels;
    }

    internal static double MidOf(OrderBook book, TradeSide side) =>
        book.Bids.IsEmpty || book.Asks.IsEmpty ? SideOf(book, side)[0].Price : book.MidPrice;
}
