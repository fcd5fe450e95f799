namespace CascadeGuard.Auctions;

/// <summary>The shape of a Dutch auction's falling price (see <see cref="AuctionPriceCurve"/>).</summary>
public enum AuctionCurveKind : byte
{
    /// <summary>Not a curve: a <c>default</c> <see cref="AuctionPriceCurve"/>, refused everywhere.</summary>
    None = 0,

    /// <summary>Straight line from the start price to zero over a duration (MakerDAO <c>LinearDecrease</c>).</summary>
    Linear = 1,

    /// <summary>Multiplied by a cut at the end of every step (MakerDAO <c>StairstepExponentialDecrease</c>).</summary>
    StairStepExponential = 2,

    /// <summary>Multiplied by a cut per step, continuously: the smooth version of the stair step (MakerDAO
    /// <c>ExponentialDecrease</c> is this with one-second steps, evaluated in whole seconds).</summary>
    Exponential = 3,
}
