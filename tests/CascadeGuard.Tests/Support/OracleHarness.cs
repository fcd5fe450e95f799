using CascadeGuard.Feeds;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Support;

/// <summary>A guard on a fake clock, with helpers that stamp quotes relative to the clock.</summary>
internal sealed class OracleHarness
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly AssetId Eth = new(3);

    public OracleHarness(OracleGuardOptions options, FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider(Start);
        Guard = new OracleGuard(Eth, options, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public OracleGuard Guard { get; private set; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Sends a quote stamped now (minus <paramref name="latency"/>) from <paramref name="source"/>.</summary>
    public OracleUpdate Quote(double price, int source = 0, TimeSpan latency = default) =>
        Guard.Update(new PriceQuote(Eth, price, Now - latency), source);

    /// <summary>Advances the clock, then sends a quote stamped at the new time.</summary>
    public OracleUpdate QuoteAfter(TimeSpan step, double price, int source = 0)
    {
        Clock.Advance(step);
        return Quote(price, source);
    }

    public OracleDecision DecideAfter(TimeSpan step)
    {
        Clock.Advance(step);
        return Guard.Decide();
    }

    public void RoundTrip() => Guard = OracleGuard.Restore(Guard.SaveSnapshot(), Clock);

    public static OracleGuardOptions Options(Action<OracleGuardOptions>? configure = null)
    {
        var o = new OracleGuardOptions();
        configure?.Invoke(o);
        return o;
    }
}
