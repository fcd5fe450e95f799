namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>The kind of a <see cref="LossWaterfallEvent"/>.</summary>
public enum LossWaterfallEventKind
{
    /// <summary>A shortfall was run down the waterfall.</summary>
    Shortfall = 1,

    /// <summary>A liquidation penalty was split between the insurance fund, the buffer pools and the platform.</summary>
    Penalty = 2,
}
