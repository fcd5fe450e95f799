namespace CascadeGuard.Breaker;

/// <summary>Why the breaker changed state.</summary>
public enum BreakerReason
{
    /// <summary>No transition.</summary>
    None = 0,

    /// <summary>The price fell from its high over the drop window by at least the enter level.</summary>
    PriceDrop = 1,

    /// <summary>Realized volatility reached the enter level.</summary>
    Volatility = 2,

    /// <summary>VPIN (order-flow toxicity) reached the enter level.</summary>
    Vpin = 3,

    /// <summary>Liquidation notional in flight relative to depth reached the enter level.</summary>
    InFlightToDepth = 4,

    /// <summary>The oracle guard held a deviating price or paused the asset as stale.</summary>
    Oracle = 5,

    /// <summary>Every measure fell below its exit level and the minimum dwell time passed: one step down.</summary>
    Recovered = 6,
}
