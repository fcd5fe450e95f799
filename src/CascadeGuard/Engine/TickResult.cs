using CascadeGuard.Breaker;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Engine;

/// <summary>
/// What one <see cref="CascadeGuardEngine.Tick"/> decided. The engine decides and the host executes: sales go to the
/// host's executor, auctions are announced to keepers, absorptions and pauses are for the host to show and log.
/// </summary>
/// <remarks>
/// The collections are views over buffers the engine owns and reuses: they are valid until the next call to
/// <see cref="CascadeGuardEngine.Tick"/>. Copy what you keep.
/// </remarks>
public readonly struct TickResult
{
    internal TickResult(
        DateTimeOffset time,
        int evaluated,
        int newLiquidations,
        ReadOnlyMemory<SellInstruction> sales,
        ReadOnlyMemory<AuctionStarted> auctionsStarted,
        ReadOnlyMemory<AuctionRestarted> auctionsRestarted,
        ReadOnlyMemory<LossAbsorption> absorptions,
        ReadOnlyMemory<AssetId> pausedAssets,
        ReadOnlyMemory<BreakerTransition> breakerTransitions)
    {
        Time = time;
        Evaluated = evaluated;
        NewLiquidations = newLiquidations;
        Sales = sales;
        AuctionsStarted = auctionsStarted;
        AuctionsRestarted = auctionsRestarted;
        Absorptions = absorptions;
        PausedAssets = pausedAssets;
        BreakerTransitions = breakerTransitions;
    }

    /// <summary>The tick's time, from the engine's clock.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>
    /// Accounts whose margin was evaluated: those the tick's price moves can have made liquidatable (their liquidation ratio
    /// was crossed, or they are not indexable by one ratio), those still waiting to be routed, and those updated since the
    /// last tick. Holders a move cannot bring to liquidation are not evaluated, so this is a measure of work, not of holders.
    /// </summary>
    public int Evaluated { get; }

    /// <summary>Accounts newly routed to a market sale or an auction this tick.</summary>
    public int NewLiquidations { get; }

    /// <summary>Market sales to execute: quantity, limit price, market and execution window.</summary>
    public ReadOnlyMemory<SellInstruction> Sales { get; }

    /// <summary>Auctions started: keepers may take from them through <see cref="CascadeGuardEngine.TakeAuction"/>.</summary>
    public ReadOnlyMemory<AuctionStarted> AuctionsStarted { get; }

    /// <summary>Auctions reset (redone) because they ran too long or their price fell too far.</summary>
    public ReadOnlyMemory<AuctionRestarted> AuctionsRestarted { get; }

    /// <summary>Losses absorbed down the waterfall (insurance fund, buffer pools, socialization) since the previous tick.</summary>
    public ReadOnlyMemory<LossAbsorption> Absorptions { get; }

    /// <summary>Assets whose price the oracle guard cannot stand behind: their liquidations are paused (fail-safe).</summary>
    public ReadOnlyMemory<AssetId> PausedAssets { get; }

    /// <summary>Circuit-breaker transitions this tick.</summary>
    public ReadOnlyMemory<BreakerTransition> BreakerTransitions { get; }
}
