namespace CascadeGuard.Depth;

/// <summary>Basis-point conversions shared by every depth function, so that all of them agree on sign and scale.</summary>
internal static class Slippage
{
    public const double BasisPoints = 10_000.0;

    /// <summary>Adverse slippage of <paramref name="price"/> against <paramref name="reference"/> in bps: positive when worse for the trader.</summary>
    public static double Bps(TradeSide side, double reference, double price) =>
        side == TradeSide.Sell
            ? (reference - price) / reference * BasisPoints
            : (price - reference) / reference * BasisPoints;

    /// <summary>The worst acceptable price <paramref name="bps"/> away from <paramref name="reference"/>; a sale's limit never falls below zero.</summary>
    public static double Limit(TradeSide side, double reference, double bps) =>
        side == TradeSide.Sell
            ? reference * Math.Max(0.0, 1.0 - (bps / BasisPoints))
            : reference * (1.0 + (bps / BasisPoints));

    /// <summary>+1 for a sale, −1 for a purchase: multiplying by it is exact, so one predicate serves both sides.</summary>
    public static double Sign(TradeSide side) => side == TradeSide.Sell ? 1.0 : -1.0;
}
