namespace CascadeGuard.Simulation.Runs;

/// <summary>Steps simulated so far across all worlds of a request; safe to read from another thread.</summary>
internal sealed class SimulationProgress
{
    private long _done;

    public long TotalSteps { get; internal set; }

    public long CompletedSteps => Interlocked.Read(ref _done);

    internal void Add(int steps) => Interlocked.Add(ref _done, steps);
}
