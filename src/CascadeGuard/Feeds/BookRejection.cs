namespace CascadeGuard.Feeds;

/// <summary>Why an order book was refused. <see cref="None"/> means the book may be used.</summary>
public enum BookRejection
{
    /// <summary>The book is valid.</summary>
    None = 0,

    /// <summary>The bid side is empty but was required.</summary>
    EmptyBids,

    /// <summary>The ask side is empty but was required.</summary>
    EmptyAsks,

    /// <summary>A level's price is NaN or infinite.</summary>
    NonFinitePrice,

    /// <summary>A level's price is zero or negative.</summary>
    NonPositivePrice,

    /// <summary>A level's size is NaN or infinite.</summary>
    NonFiniteSize,

    /// <summary>A level's size is zero or negative.</summary>
    NonPositiveSize,

    /// <summary>Bid prices are not strictly descending from the best bid.</summary>
    BidsNotDescending,

    /// <summary>Ask prices are not strictly ascending from the best ask.</summary>
    AsksNotAscending,

    /// <summary>The best bid is at or above the best ask.</summary>
    Crossed,

    /// <summary>The feed had no book for the market.</summary>
    Missing,

    /// <summary>The feed reported a level count that is negative or larger than the buffer it was given.</summary>
    CountOutOfRange,
}
