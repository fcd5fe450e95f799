using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Tests.Scheduling;

public class LiquidationPlannerTests
{
    private static readonly AssetId Eth = new(0);
    private static readonly AssetId Usdc = new(1);
    private static readonly MarketId EthMarket = new(3);
    private static readonly RiskParameterTable Table = new([new AssetRiskParameters(0.75, 0.8, 0.05), null]);
    private static readonly double[] Prices = [1000.0, 1.0];
    private static readonly MinimalLiquidationRequest Target = new(Eth, Usdc, 1.05);

    [Fact]
    public void A_restorable_account_sells_only_the_minimal_quantity_in_the_market()
    {
        // 1 ETH against 850: the minimal liquidation sells 0.4625 ETH (docs/margin.md).
        var plan = LiquidationPlanner.Plan([new(Eth, 1.0)], [new(Usdc, 850.0)], Prices, Table, Target, new AccountId(4), EthMarket, 0.01);
        plan.Route.Should().Be(LiquidationRoute.Market);
        plan.Request.Should().Be(new LiquidationRequest(new AccountId(4), EthMarket, LiquidationTarget.Quantity, plan.Liquidation.CollateralToSell, 800.0 / 850.0));
        plan.Request.Amount.Should().BeApproximately(0.4625, 1e-12);
    }

    [Fact]
    public void An_account_too_deep_to_restore_goes_to_auction_with_its_whole_holding()
    {
        // 990 owed against 1 ETH: no sale restores it. Auction 1 ETH for 990 × 1.05 = 1,039.5.
        var plan = LiquidationPlanner.Plan([new(Eth, 1.0)], [new(Usdc, 990.0)], Prices, Table, Target, new AccountId(4), EthMarket, 0.01);
        plan.Route.Should().Be(LiquidationRoute.Auction);
        plan.AuctionLot.Should().Be(1.0);
        plan.AuctionDebt.Should().BeApproximately(1039.5, 1e-9);
    }

    [Fact]
    public void A_sale_below_the_minimum_order_goes_to_auction()
    {
        var plan = LiquidationPlanner.Plan([new(Eth, 1.0)], [new(Usdc, 850.0)], Prices, Table, Target, new AccountId(4), EthMarket, 0.5);
        plan.Route.Should().Be(LiquidationRoute.Auction);
        plan.AuctionLot.Should().Be(1.0);
    }

    [Fact]
    public void A_healthy_account_needs_no_route()
    {
        var plan = LiquidationPlanner.Plan([new(Eth, 1.0)], [new(Usdc, 500.0)], Prices, Table, Target, new AccountId(4), EthMarket, 0.01);
        plan.Route.Should().Be(LiquidationRoute.None);
    }

    [Fact]
    public void Bad_minimum_order_is_rejected() =>
        FluentActions.Invoking(() => LiquidationPlanner.Plan([new(Eth, 1.0)], [new(Usdc, 500.0)], Prices, Table, Target, new AccountId(4), EthMarket, 0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("minimumOrder");
}
