using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>
/// One change of a <see cref="BufferPool"/>, as journaled. Replaying a pool's journal from empty with
/// <see cref="BufferPool.Replay"/> re-executes each event and checks it gives the recorded result.
/// </summary>
public sealed class BufferPoolEvent
{
    /// <summary>Position in the journal, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>The operation's idempotency key.</summary>
    public OperationId Id { get; init; }

    /// <summary>When it was applied (from the pool's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What happened.</summary>
    public BufferPoolEventKind Kind { get; init; }

    /// <summary>The depositor, for deposits, withdrawals and claims.</summary>
    public AccountId Depositor { get; init; }

    /// <summary>The asset claimed or rewarded, for claims and rewards.</summary>
    public AssetId Asset { get; init; }

    /// <summary>Deposited, withdrawn, claimed or rewarded amount; for an offset, the debt cancelled.</summary>
    public decimal Amount { get; init; }

    /// <summary>For an offset, the collateral shared (non-zero amounts only); empty otherwise.</summary>
    public IReadOnlyList<AssetAmount> Collateral { get; init; } = [];

    /// <summary>For an offset, whether it emptied the pool and started a new epoch.</summary>
    public bool Emptied { get; init; }
}
