using CascadeGuard.Feeds;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Support;

namespace CascadeGuard.Tests.Oracle;

public class OracleGuardRejectionTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>A guard with two sources, some history, a pending hold and latency figures.</summary>
    private static OracleHarness Seasoned()
    {
        var h = new OracleHarness(OracleHarness.Options(o => o.SourceCount = 2));
        h.Quote(100, 0);
        h.Quote(100, 1, latency: TimeSpan.FromMilliseconds(300));
        h.QuoteAfter(Second, 101, 0);
        h.QuoteAfter(Second, 150, 0).Decision.Status.Should().Be(OracleStatus.DeviationHeld);
        h.Clock.Advance(Second);
        return h;
    }

    public static TheoryData<string, double, double, QuoteRejection> BadQuotes => new()
    {
        // name, price, seconds relative to now (negative = in the past), expected rejection
        { "NaN", double.NaN, 0, QuoteRejection.NonFinitePrice },
        { "+Infinity", double.PositiveInfinity, 0, QuoteRejection.NonFinitePrice },
        { "-Infinity", double.NegativeInfinity, 0, QuoteRejection.NonFinitePrice },
        { "zero", 0, 0, QuoteRejection.NonPositivePrice },
        { "negative", -5, 0, QuoteRejection.NonPositivePrice },
        { "from the future", 101, 2.0001, QuoteRejection.FromFuture },
        { "stale on arrival", 101, -60.0001, QuoteRejection.Stale },
        { "older than the source's last", 101, -1.5, QuoteRejection.OutOfOrder },
    };

    [Theory]
    [MemberData(nameof(BadQuotes))]
    public void Bad_quote_is_rejected_and_changes_nothing(string name, double price, double secondsFromNow, QuoteRejection expected)
    {
        var h = Seasoned();
        var before = h.Guard.SaveSnapshot();
        var decisionBefore = h.Guard.Decide();

        var u = h.Guard.Update(new PriceQuote(OracleHarness.Eth, price, h.Now + TimeSpan.FromSeconds(secondsFromNow)), 0);

        u.Rejection.Should().Be(expected, name);
        u.Accepted.Should().BeFalse();
        u.Decision.Should().Be(decisionBefore);
        h.Guard.SaveSnapshot().Should().Be(before);
    }

    [Fact]
    public void Same_timestamp_is_a_duplicate_with_the_same_price_and_out_of_order_with_another()
    {
        var h = Seasoned();
        var before = h.Guard.SaveSnapshot();
        var lastStamp = h.Now - Second;

        h.Guard.Update(new PriceQuote(OracleHarness.Eth, 150, lastStamp), 0).Rejection.Should().Be(QuoteRejection.Duplicate);
        h.Guard.Update(new PriceQuote(OracleHarness.Eth, 151, lastStamp), 0).Rejection.Should().Be(QuoteRejection.OutOfOrder);
        h.Guard.SaveSnapshot().Should().Be(before);

        h.Guard.Update(new PriceQuote(OracleHarness.Eth, 150, lastStamp), 1).Accepted.Should().BeTrue("ordering is per source");
    }

    [Fact]
    public void Quote_for_another_asset_throws_and_changes_nothing()
    {
        var h = Seasoned();
        var before = h.Guard.SaveSnapshot();
        var act = () => h.Guard.Update(new PriceQuote(new AssetId(4), 100, h.Now), 0);
        act.Should().Throw<ArgumentException>().WithParameterName("quote").WithMessage("*asset#3*asset#4*");
        h.Guard.SaveSnapshot().Should().Be(before);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Unknown_source_throws_and_changes_nothing(int source)
    {
        var h = Seasoned();
        var before = h.Guard.SaveSnapshot();
        var act = () => h.Guard.Update(new PriceQuote(OracleHarness.Eth, 100, h.Now), source);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(source));
        h.Guard.SaveSnapshot().Should().Be(before);
    }

    [Fact]
    public void Constructor_rejects_null_and_invalid_options()
    {
        var nullOptions = () => new OracleGuard(OracleHarness.Eth, null!);
        nullOptions.Should().Throw<ArgumentNullException>().WithParameterName("options");
        var bad = () => new OracleGuard(OracleHarness.Eth, new OracleGuardOptions { Capacity = 3 });
        bad.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Capacity");
    }

    [Fact]
    public void Options_are_copied_at_construction()
    {
        var options = new OracleGuardOptions { Smoothing = OracleSmoothing.None };
        var h = new OracleHarness(options);
        options.Smoothing = OracleSmoothing.Twap;
        options.MaxStaleness = TimeSpan.FromTicks(1);
        h.Quote(100).Decision.Status.Should().Be(OracleStatus.Fresh);
        h.DecideAfter(Second).Status.Should().Be(OracleStatus.Fresh);
    }
}
