namespace CascadeGuard.Breaker;

/// <summary>The circuit breaker's state, in order of severity.</summary>
public enum BreakerState
{
    /// <summary>Full budgets.</summary>
    Normal = 0,

    /// <summary>Market-sale budgets shrink by <see cref="CircuitBreakerOptions.ThrottledBudgetFactor"/>.</summary>
    Throttled = 1,

    /// <summary>No new market sales are released; auctions and buffer pools still work.</summary>
    Halted = 2,
}
