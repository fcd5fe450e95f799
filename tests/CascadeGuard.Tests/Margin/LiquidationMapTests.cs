using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Margin;

public class LiquidationMapTests
{
    private static readonly AssetId Eth = new(0);
    private static readonly AssetId Usdc = new(1);
    private static readonly RiskParameterTable Table = new([new AssetRiskParameters(0.5, 0.5, 0.05), null]);

    [Fact]
    public void Buckets_collect_accounts_by_liquidation_price()
    {
        // LT 0.5 so that an account holding q ETH against d USDC breaches at p = 2d / q. Current price 1,000; map down to 0
        // in 4 buckets of 250.
        var book = new AccountBook(2, 1, 1);
        Add(book, 1.0, 450.0); // 900: bucket 0 = (750, 1,000]
        Add(book, 2.0, 750.0); // 750: bucket 1 = (500, 750] (upper edges are inclusive)
        Add(book, 4.0, 1100.0); // 550: bucket 1
        Add(book, 1.0, 100.0); // 200: bucket 3 (250, 0]
        Add(book, 1.0, 600.0); // 1,200: already liquidatable
        Add(book, 1.0, 0.0); // no debt: ignored
        var noEth = book.Add(); // USDC debt with no ETH: no ETH price helps → liquidatable now
        book.SetDebt(noEth, Usdc, 10.0);

        var buckets = new LiquidationMapBucket[4];
        var summary = LiquidationMap.Build(book, [1000.0, 1.0], Table, Eth, 0.0, buckets);

        // A trigger exactly on an edge belongs to the interval it closes: 500 sits in (250, 500].
        var edge = new AccountBook(2, 1, 1);
        Add(edge, 4.0, 1000.0);
        var edgeBuckets = new LiquidationMapBucket[4];
        LiquidationMap.Build(edge, [1000.0, 1.0], Table, Eth, 0.0, edgeBuckets);
        edgeBuckets.Select(b => b.Accounts).Should().Equal(0, 0, 1, 0);

        buckets.Select(b => b.Accounts).Should().Equal(1, 2, 0, 1);
        buckets[0].Should().Be(new LiquidationMapBucket(1000, 750, 1, 450, 1.0, 900));
        buckets[1].Should().Be(new LiquidationMapBucket(750, 500, 2, 750 + 1100, 6.0, 1500 + 2200));
        buckets[3].DebtValue.Should().Be(100);
        buckets[3].CollateralNotional.Should().Be(200);
        buckets[3].PriceLow.Should().Be(0);
        summary.CurrentPrice.Should().Be(1000);
        summary.LiquidatableNow.Accounts.Should().Be(2);
        summary.LiquidatableNow.DebtValue.Should().Be(610);
        summary.LiquidatableNow.CollateralNotional.Should().Be(1000);
        summary.Beyond.Accounts.Should().Be(0);
        summary.Unreachable.Should().Be(0);
    }

    [Fact]
    public void Accounts_below_the_map_and_unreachable_ones_are_counted_apart()
    {
        var book = new AccountBook(3, 2, 1);
        Add(book, 10.0, 100.0); // 20: below a map that stops at 100
        var covered = book.Add(); // 1,000 of a stable collateral (LT 0.9) covers the debt whatever ETH does
        book.SetCollateral(covered, new AssetId(2), 1000.0);
        book.SetCollateral(covered, Eth, 1.0);
        book.SetDebt(covered, Usdc, 500.0);
        var table = new RiskParameterTable([new AssetRiskParameters(0.5, 0.5, 0.05), null, new AssetRiskParameters(0.85, 0.9, 0.02)]);

        var buckets = new LiquidationMapBucket[3];
        var summary = LiquidationMap.Build(book, [1000.0, 1.0, 1.0], table, Eth, 100.0, buckets);

        summary.Beyond.Accounts.Should().Be(1);
        summary.Beyond.DebtValue.Should().Be(100);
        summary.Unreachable.Should().Be(1);
        buckets.Sum(b => b.Accounts).Should().Be(0);
        buckets[^1].PriceLow.Should().Be(100);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1000.0)]
    [InlineData(double.NaN)]
    public void Lowest_price_must_lie_below_the_current_price(double lowest)
    {
        var book = new AccountBook(2, 1, 1);
        FluentActions.Invoking(() => LiquidationMap.Build(book, [1000.0, 1.0], Table, Eth, lowest, new LiquidationMapBucket[2]))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("lowestPrice");
    }

    [Fact]
    public void Empty_buckets_and_unknown_assets_are_rejected()
    {
        var book = new AccountBook(2, 1, 1);
        FluentActions.Invoking(() => LiquidationMap.Build(book, [1000.0, 1.0], Table, Eth, 0, [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => LiquidationMap.Build(book, [1000.0, 1.0], Table, new AssetId(4), 0, new LiquidationMapBucket[1])).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static void Add(AccountBook book, double eth, double usdc)
    {
        var id = book.Add();
        book.SetCollateral(id, Eth, eth);
        book.SetDebt(id, Usdc, usdc);
    }
}
