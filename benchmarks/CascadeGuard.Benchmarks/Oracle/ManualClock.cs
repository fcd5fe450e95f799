namespace CascadeGuard.Benchmarks.Oracle;

/// <summary>A clock the benchmark moves by hand, so that every quote is newer than the last.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
