namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>The kind of change a <see cref="BufferPoolEvent"/> records.</summary>
public enum BufferPoolEventKind
{
    /// <summary>A depositor added to its deposit.</summary>
    Deposit = 1,

    /// <summary>A depositor took part of its compounded deposit out.</summary>
    Withdrawal = 2,

    /// <summary>A depositor was paid its pending gain in one asset.</summary>
    Claim = 3,

    /// <summary>Debt was cancelled against the deposits pro rata and collateral shared pro rata.</summary>
    Offset = 4,

    /// <summary>A reward (for example a share of a liquidation penalty) was shared pro rata.</summary>
    Reward = 5,
}
