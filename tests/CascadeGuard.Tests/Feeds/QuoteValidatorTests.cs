using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Feeds;

public class QuoteValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly QuoteValidator Validator = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));

    [Theory]
    [InlineData(100.0, 0, QuoteRejection.None)]
    [InlineData(100.0, -60_000, QuoteRejection.None)] // exactly the maximum age: still fresh
    [InlineData(100.0, -60_001, QuoteRejection.Stale)]
    [InlineData(100.0, 2_000, QuoteRejection.None)] // exactly the allowed skew ahead
    [InlineData(100.0, 2_001, QuoteRejection.FromFuture)]
    [InlineData(0.0, 0, QuoteRejection.NonPositivePrice)]
    [InlineData(-1.0, 0, QuoteRejection.NonPositivePrice)]
    [InlineData(double.NaN, 0, QuoteRejection.NonFinitePrice)]
    [InlineData(double.PositiveInfinity, 0, QuoteRejection.NonFinitePrice)]
    public void Classifies_quotes_at_the_exact_boundaries(double price, int offsetMilliseconds, QuoteRejection expected)
    {
        var quote = new PriceQuote(new AssetId(0), price, Now.AddMilliseconds(offsetMilliseconds));
        Validator.Validate(quote, Now).Should().Be(expected);
    }

    [Fact]
    public void Reads_the_feed_and_reports_a_missing_quote()
    {
        var feed = new DictionaryFeed();
        feed.Quotes[new AssetId(1)] = new PriceQuote(new AssetId(1), 5.0, Now.AddSeconds(-1));

        Validator.TryRead(feed, new AssetId(1), Now, out var q).Should().Be(QuoteRejection.None);
        q.Price.Should().Be(5.0);
        Validator.TryRead(feed, new AssetId(2), Now, out _).Should().Be(QuoteRejection.Missing);
    }

    [Fact]
    public void Bad_limits_are_rejected()
    {
        FluentActions.Invoking(() => new QuoteValidator(TimeSpan.Zero, TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxAge");
        FluentActions.Invoking(() => new QuoteValidator(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxFutureSkew");
        FluentActions.Invoking(() => Validator.TryRead(null!, new AssetId(0), Now, out _)).Should().Throw<ArgumentNullException>();
    }

    private sealed class DictionaryFeed : IPriceFeed
    {
        public Dictionary<AssetId, PriceQuote> Quotes { get; } = [];

        public bool TryGetLatest(AssetId asset, out PriceQuote quote) => Quotes.TryGetValue(asset, out quote);
    }
}
