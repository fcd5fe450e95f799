namespace CascadeGuard.Tests.Support;

/// <summary>
/// Test classes that measure steady-state allocation with <see cref="GC.GetAllocatedBytesForCurrentThread"/> run alone,
/// after the parallel ones: run in parallel with the rest of the suite they were occasionally charged a few kilobytes
/// they did not allocate (never in isolation, never the same test twice).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Allocation measurements";
}
