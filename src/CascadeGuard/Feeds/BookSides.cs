namespace CascadeGuard.Feeds;

/// <summary>Which sides of a book must hold at least one level for the book to be usable.</summary>
[Flags]
public enum BookSides
{
    /// <summary>Either side may be empty.</summary>
    None = 0,

    /// <summary>The bid side must not be empty (selling needs bids).</summary>
    Bids = 1,

    /// <summary>The ask side must not be empty (buying needs asks).</summary>
    Asks = 2,

    /// <summary>Both sides must hold levels (a mid price needs both).</summary>
    Both = Bids | Asks,
}
