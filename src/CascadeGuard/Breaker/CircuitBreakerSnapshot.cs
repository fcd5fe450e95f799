using CascadeGuard.Primitives;

namespace CascadeGuard.Breaker;

/// <summary>The JSON shape of a <see cref="CircuitBreaker"/> snapshot (version 1). Times are UTC ticks.</summary>
internal sealed class CircuitBreakerSnapshot : IVersionedSnapshot
{
    public int Version { get; set; }

    public CircuitBreakerOptions Options { get; set; } = null!;

    public BreakerState State { get; set; }

    public long SinceTicks { get; set; }

    /// <summary>The rolling-high deque, oldest first (prices strictly decreasing).</summary>
    public long[] HighTicks { get; set; } = [];

    public double[] HighPrices { get; set; } = [];
}
