namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// Simulated time for stateful components a policy hosts: <see cref="TimeProvider.GetUtcNow"/> is the current step's
/// time, advanced only by the simulator. Timers are not simulated; components that need them take <c>now</c> instead.
/// </summary>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    internal void Set(DateTimeOffset now) => _now = now;
}
