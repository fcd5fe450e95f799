using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>
/// One operation of a <see cref="LossWaterfall"/>, as journaled. The insurance fund and the buffer pools journal their
/// own parts under ids derived from <see cref="Id"/>.
/// </summary>
public sealed class LossWaterfallEvent
{
    /// <summary>Position in the journal, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>The operation's idempotency key.</summary>
    public OperationId Id { get; init; }

    /// <summary>When it was applied.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Shortfall or penalty.</summary>
    public LossWaterfallEventKind Kind { get; init; }

    /// <summary>The liquidated account.</summary>
    public AccountId Account { get; init; }

    /// <summary>Its market.</summary>
    public MarketId Market { get; init; }

    /// <summary>The shortfall, or the penalty.</summary>
    public decimal Amount { get; init; }

    /// <summary>For a shortfall, the account collateral offered; for a penalty, zero.</summary>
    public decimal AccountCollateral { get; init; }

    /// <summary>For a shortfall, the penalty offered; for a penalty, zero.</summary>
    public decimal Penalty { get; init; }

    /// <summary>
    /// For a shortfall, what each step covered, indexed by <see cref="WaterfallStep"/>. For a penalty: insurance fund,
    /// buffer pools, retained.
    /// </summary>
    public IReadOnlyList<decimal> Steps { get; init; } = [];

    /// <summary>For a penalty, the index of the pool whose depositors got the reward; −1 when none did.</summary>
    public int RewardPool { get; init; } = -1;

    /// <summary>For a shortfall, the auto-deleveraging allocations, in ranking order.</summary>
    public IReadOnlyList<AdlAllocation> Allocations { get; init; } = [];
}
