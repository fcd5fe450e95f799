namespace CascadeGuard.Depth;

/// <summary>The price slippage is measured from.</summary>
public enum SlippageReference
{
    /// <summary>The venue's mid price (book: midpoint of best bid and best ask; pool: the pool's fee-free spot price).</summary>
    Mid = 0,

    /// <summary>The best price on the traded side (book: best bid for a sale; pool: spot price net of the fee).</summary>
    Best = 1,
}
