using CascadeGuard.Engine;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Tests.Engine;

public class EngineEndToEndTests
{
    [Fact]
    public void A_breached_account_gets_its_minimal_partial_liquidation_and_the_fill_settles_it()
    {
        using var world = new EngineWorld();
        var healthy = world.Account(1.0, 1000.0);
        var breached = world.Account(1.0, 1700.0); // RA 1,600 at 2,000: HF 0.941

        var tick = world.Tick(2000.0);

        tick.Evaluated.Should().Be(2);
        tick.NewLiquidations.Should().Be(1);
        var sale = tick.Sales.Span.ToArray().Should().ContainSingle().Subject;
        sale.Account.Should().Be(breached);
        sale.Market.Should().Be(EngineWorld.EthUsdc);

        // The planned sale is the minimal liquidation at the expected 1 % slippage: no more is ever sold than restores 1.05.
        var plan = MarginCalculator.MinimalLiquidation(
            [new(EngineWorld.Eth, 1.0)], [new(EngineWorld.Usdc, 1700.0)], [2000.0, 1.0], world.Definition.Assets,
            new MinimalLiquidationRequest(EngineWorld.Eth, EngineWorld.Usdc, 1.05, 0.01, 0.5));
        sale.Quantity.Should().Be(plan.CollateralToSell);
        sale.LimitPrice.Should().Be(2000.0 * 0.98);

        // The executor sells at 1,990: proceeds pay the 5 % penalty, then repay debt.
        world.Engine.ApplyFill(new FillReport(1, sale.Id, sale.Quantity, 1990.0)).Should().Be(FillOutcome.Applied);
        var after = world.Evaluate(breached, out var eth, out var debt, out _);
        var proceeds = sale.Quantity * 1990.0;
        var penalty = proceeds * 0.05 / 1.05;
        eth.Should().BeApproximately(1.0 - sale.Quantity, 1e-12);
        debt.Should().BeApproximately(1700.0 - (proceeds - penalty), 1e-6);
        after.HealthFactor.Should().BeGreaterThan(1.0);
        world.Engine.GetStatistics().PenaltiesCollected.Should().BeApproximately((decimal)penalty, 0.000001m);

        // Half the penalty goes to the insurance fund (the waterfall's default split).
        world.Engine.GetStatistics().InsuranceFundBalance.Should().BeApproximately((decimal)(penalty * 0.5), 0.000002m);
        world.Evaluate(healthy, out var healthyEth, out _, out _);
        healthyEth.Should().Be(1.0);
    }
}
