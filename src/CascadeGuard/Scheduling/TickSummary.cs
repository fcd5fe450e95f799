namespace CascadeGuard.Scheduling;

/// <summary>What one <see cref="LiquidationScheduler.Tick"/> did.</summary>
/// <param name="Released">Instructions written to the caller's buffer.</param>
/// <param name="Expired">Instructions whose deadline passed; their unfilled quantity returned to the jobs.</param>
/// <param name="Throttled">Jobs that wanted a slice but found no budget in their market's throttle.</param>
/// <param name="BufferFull">Whether the caller's buffer filled before every due slice was released (the rest wait a tick).</param>
/// <param name="DeniedNotional">What the throttles refused: quantity wanted but not granted, at each market's reference price.</param>
public readonly record struct TickSummary(int Released, int Expired, int Throttled, bool BufferFull, double DeniedNotional = 0);
