namespace CascadeGuard.Throttling;

/// <summary>What limits a throttle's budget: why a reservation was refused or cut, or what binds now.</summary>
public enum ThrottleReason
{
    /// <summary>Nothing limited the reservation: it was granted in full.</summary>
    None = 0,

    /// <summary>No depth has been reported yet; nothing may be sold on an unknown book.</summary>
    NoDepth,

    /// <summary>The last depth report is older than <see cref="VolumeThrottleOptions.MaxDepthAge"/>; a fresh book is needed.</summary>
    StaleDepth,

    /// <summary>The depth term binds: the book's depth within the slippage bound, times the participation, less depth still recovering.</summary>
    DepthLimit,

    /// <summary>The trailing-volume term binds: the permitted share of recent market volume is used up.</summary>
    VolumeLimit,

    /// <summary>The hard notional cap for the current interval binds.</summary>
    NotionalCap,

    /// <summary>The throttle already holds <see cref="VolumeThrottleOptions.MaxOpenLeases"/> open reservations.</summary>
    TooManyLeases,
}
