namespace CascadeGuard.Breaker;

/// <summary>What the breaker allows now: the engine's question "may I sell into the market, and how much?".</summary>
/// <param name="State">The current state.</param>
/// <param name="Since">When the breaker entered <paramref name="State"/>.</param>
/// <param name="BudgetFactor">
/// The factor for market-sale budgets: 1 in Normal, <see cref="CircuitBreakerOptions.ThrottledBudgetFactor"/> in
/// Throttled, 0 in Halted.
/// </param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BreakerDecision(BreakerState State, DateTimeOffset Since, double BudgetFactor)
{
    /// <summary>Whether new market sales may be released (false only when halted).</summary>
    public bool AllowsMarketSales => State != BreakerState.Halted;

    /// <summary>Whether auctions may start and run: always; the breaker stops only selling into the book.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Part of the decision the engine queries per state; the policy may grow per state.")]
    public bool AllowsAuctions => true;

    /// <summary>Whether buffer pools may absorb positions: always.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Part of the decision the engine queries per state; the policy may grow per state.")]
    public bool AllowsPoolAbsorption => true;
}
