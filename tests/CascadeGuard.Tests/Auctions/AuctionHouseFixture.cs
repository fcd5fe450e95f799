using CascadeGuard.Auctions;
using CascadeGuard.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Auctions;

/// <summary>A house on a fake clock with a counting sink, and the settings the hand-worked tests use.</summary>
internal sealed class AuctionHouseFixture
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly AccountId Alice = new(7);
    public static readonly AssetId Eth = new(0);
    public static readonly AssetId Btc = new(1);

    public AuctionHouseFixture(DutchAuctionOptions? options = null)
    {
        Options = options ?? HandOptions();
        House = new DutchAuctionHouse(Options, Time, Sink);
    }

    public FakeTimeProvider Time { get; } = new(Epoch);

    public ShortfallTally Sink { get; } = new();

    public DutchAuctionOptions Options { get; }

    public DutchAuctionHouse House { get; }

    /// <summary>
    /// Linear over 1 000 s; start 1.2 × oracle; floor 0.1 × oracle; reset after 600 s or below 0.5 × oracle; dust 100;
    /// incentive 5 + 1 %; 8 quantity and price places, 2 money places.
    /// </summary>
    public static DutchAuctionOptions HandOptions() => new()
    {
        Curve = AuctionPriceCurve.Linear(TimeSpan.FromSeconds(1000)),
        StartBuffer = 1.2m,
        FloorFraction = 0.1m,
        MaxDuration = TimeSpan.FromSeconds(600),
        ResetPriceFraction = 0.5m,
        MinimumDebt = 100m,
        IncentiveFlat = 5m,
        IncentiveRate = 0.01m,
        QuantityDecimals = 8,
        PriceDecimals = 8,
        MoneyDecimals = 2,
    };

    public AuctionId StartEth(decimal lot, decimal debt, decimal oracle = 200m)
    {
        var result = House.Start(Alice, Eth, lot, debt, oracle);
        result.Refusal.Should().Be(AuctionRefusal.None);
        return result.Auction;
    }

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Both conservation identities, for every asset that was ever auctioned, and the global sum.</summary>
    public void ShouldConserve()
    {
        decimal debtIn = 0m;
        foreach (var asset in new[] { Eth, Btc, new AssetId(2) })
        {
            var t = House.GetAssetTotals(asset);
            t.CollateralStarted.Should().Be(t.CollateralSold + t.CollateralReturned + t.CollateralInAuction);
            t.DebtStarted.Should().Be(t.DebtRaised + t.Shortfall + t.DebtInAuction);
            debtIn += t.DebtInAuction;
        }

        House.DebtInAuction.Should().Be(debtIn);
        House.GetStatistics().Shortfall.Should().Be(Sink.Total);
    }
}
