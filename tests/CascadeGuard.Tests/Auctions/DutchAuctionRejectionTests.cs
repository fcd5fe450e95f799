using CascadeGuard.Auctions;
using CascadeGuard.Primitives;
using Microsoft.Extensions.Time.Testing;
using static CascadeGuard.Tests.Auctions.AuctionHouseFixture;

namespace CascadeGuard.Tests.Auctions;

/// <summary>Every bad input throws naming the argument, and leaves the house exactly as it was (compared by snapshot).</summary>
public class DutchAuctionRejectionTests
{
    private readonly AuctionHouseFixture _f = new();
    private readonly AuctionId _id;
    private readonly string _before;

    public DutchAuctionRejectionTests()
    {
        _id = _f.StartEth(10m, 1500m);
        _f.House.Take(_id, 1m, 240m);
        _before = _f.House.SaveSnapshot();
    }

    [Theory]
    [InlineData("0", "1500", "200", "lot")]
    [InlineData("-1", "1500", "200", "lot")]
    [InlineData("0.000000001", "1500", "200", "lot")]       // nine places; eight allowed
    [InlineData("1", "0", "200", "debt")]
    [InlineData("1", "-5", "200", "debt")]
    [InlineData("1", "10.001", "200", "debt")]              // three places; two allowed
    [InlineData("1", "1500", "0", "oraclePrice")]
    [InlineData("1", "1500", "-1", "oraclePrice")]
    [InlineData("100000", "1500", "100000000", "lot")]      // 10⁵ × 1.2·10⁸ > 10¹² (28 − 8 − 8 digits): not exact
    public void Bad_start_throws_and_changes_nothing(string lot, string debt, string oracle, string name)
    {
        var act = () => _f.House.Start(Alice, Eth, D(lot), D(debt), D(oracle));
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
        _f.House.SaveSnapshot().Should().Be(_before);
    }

    [Fact]
    public void Largest_exact_lot_is_accepted()
    {
        // 1.2·10⁸ start price: the largest lot with lot × price ≤ 10¹² is 8 333.33333333.
        _f.House.Start(Alice, Eth, 8333.33333333m, 1500m, 100_000_000m).Started.Should().BeTrue();
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    [InlineData(2L)]   // not issued yet
    public void Take_or_reset_of_an_auction_never_issued_throws(long id)
    {
        var take = () => _f.House.Take(new AuctionId(id), 1m, 240m);
        take.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("auction");
        var reset = () => _f.House.Reset(new AuctionId(id), 200m);
        reset.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("auction");
        _f.House.SaveSnapshot().Should().Be(_before);
    }

    [Theory]
    [InlineData("0", "240", "maxQuantity")]
    [InlineData("-1", "240", "maxQuantity")]
    [InlineData("0.000000001", "240", "maxQuantity")]
    [InlineData("1", "-0.01", "maxPrice")]
    public void Bad_take_throws_and_changes_nothing(string quantity, string maxPrice, string name)
    {
        var act = () => _f.House.Take(_id, D(quantity), D(maxPrice));
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
        _f.House.SaveSnapshot().Should().Be(_before);
    }

    [Fact]
    public void Bad_reset_throws_and_changes_nothing()
    {
        _f.Advance(601);
        var before = _f.House.SaveSnapshot();
        var zero = () => _f.House.Reset(_id, 0m);
        zero.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("oraclePrice");
        var huge = () => _f.House.Reset(_id, 1e12m); // 9 units × 1.2·10¹² is beyond exact
        huge.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("oraclePrice");
        _f.House.SaveSnapshot().Should().Be(before);
    }

    [Fact]
    public void Refusals_change_nothing()
    {
        _f.House.Take(_id, 1m, 1m).Refusal.Should().Be(AuctionRefusal.PriceAboveLimit);
        _f.House.Reset(_id, 200m).Refusal.Should().Be(AuctionRefusal.NotResettable);
        _f.House.SaveSnapshot().Should().Be(_before);
    }

    [Fact]
    public void Undefined_stop_level_throws()
    {
        var act = () => _f.House.SetStopLevel((AuctionStopLevel)4);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("level");
        _f.House.StopLevel.Should().Be(AuctionStopLevel.None);
    }

    [Fact]
    public void A_sink_that_throws_leaves_the_take_unapplied()
    {
        var time = new FakeTimeProvider(Epoch);
        var house = new DutchAuctionHouse(HandOptions(), time, new ThrowingSink());
        var id = house.Start(Alice, Eth, 1m, 1000m, 200m).Auction;
        var before = house.SaveSnapshot();
        var act = () => house.Take(id, 1m, 240m);
        act.Should().Throw<InvalidOperationException>();
        house.SaveSnapshot().Should().Be(before);
    }

    [Fact]
    public void Constructor_rejects_nulls_and_invalid_options_and_copies_options()
    {
        var time = new FakeTimeProvider(Epoch);
        var sink = new ShortfallTally();
        var noOptions = () => new DutchAuctionHouse(null!, time, sink);
        noOptions.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("options");
        var noTime = () => new DutchAuctionHouse(HandOptions(), null!, sink);
        noTime.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("timeProvider");
        var noSink = () => new DutchAuctionHouse(HandOptions(), time, null!);
        noSink.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("shortfallSink");

        var options = HandOptions();
        options.AssetDebtLimits[Eth] = 1000m;
        var house = new DutchAuctionHouse(options, time, sink);
        options.AssetDebtLimits[Eth] = 0m;
        options.StartBuffer = 2m;
        var r = house.Start(Alice, Eth, 1m, 500m, 100m);
        r.Started.Should().BeTrue();
        r.StartPrice.Should().Be(120m);
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class ThrowingSink : IAuctionShortfallSink
    {
        public void Absorb(in AuctionShortfall shortfall) => throw new InvalidOperationException("pool offline");
    }
}
