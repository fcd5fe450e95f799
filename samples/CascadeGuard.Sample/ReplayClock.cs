namespace CascadeGuard.Sample;

/// <summary>The clock of a replay: it stands still until the host moves it to the next bar.</summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset time) => _now = time;
}
