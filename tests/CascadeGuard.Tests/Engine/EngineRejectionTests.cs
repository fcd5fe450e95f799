using CascadeGuard.Engine;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Tests.Engine;

public class EngineRejectionTests
{
    [Fact]
    public void Bad_host_input_is_refused_and_changes_nothing()
    {
        using var world = new EngineWorld();
        var account = world.Account(1.0, 1700.0);
        var sale = world.Tick(2000.0).Sales.Span[0];
        var before = world.Engine.SaveSnapshot();

        FluentActions.Invoking(() => world.Engine.SetCollateral(account, EngineWorld.Eth, double.NaN)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("quantity");
        FluentActions.Invoking(() => world.Engine.SetDebt(account, EngineWorld.Usdc, -1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("amount");
        FluentActions.Invoking(() => world.Engine.SetDebt(new AccountId(42), EngineWorld.Usdc, 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("account");
        FluentActions.Invoking(() => world.Engine.SetCollateral(account, new AssetId(9), 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("asset");
        FluentActions.Invoking(() => world.Engine.RecordTrades(new MarketId(5), 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("market");
        FluentActions.Invoking(() => world.Engine.RecordTrades(EngineWorld.EthUsdc, double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => world.Engine.ReportToxicity(EngineWorld.EthUsdc, 1.5)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("vpin");
        FluentActions.Invoking(() => world.Engine.ReportCongestion(double.NaN)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("congestion");
        FluentActions.Invoking(() => world.Engine.ApplyFill(new FillReport(1, new InstructionId(999), 0.1, 2000))).Should().Throw<FillRejectedException>().Which.Reason.Should().Be(FillRejection.UnknownInstruction);
        FluentActions.Invoking(() => world.Engine.ApplyFill(new FillReport(1, sale.Id, sale.Quantity * 2, 2000))).Should().Throw<FillRejectedException>().Which.Reason.Should().Be(FillRejection.OverFill);
        FluentActions.Invoking(() => world.Engine.ApplyFill(new FillReport(1, sale.Id, sale.Quantity, double.NaN))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => world.Engine.TakeAuction(1, new CascadeGuard.Auctions.AuctionId(3), -1m, 1m)).Should().Throw<ArgumentException>();

        world.Engine.SaveSnapshot().Should().Be(before);
    }

    [Fact]
    public void Inconsistent_definitions_are_refused_naming_what()
    {
        var table = new RiskParameterTable([new AssetRiskParameters(0.75, 0.8, 0.05), null]);
        var eth = new AssetId(0);
        var usdc = new AssetId(1);
        FluentActions.Invoking(() => new EngineDefinition(table, new AssetId(5), [])).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("settlementAsset");
        FluentActions.Invoking(() => new EngineDefinition(table, usdc, [new(new MarketId(0), eth, 0.01), new(new MarketId(0), eth, 0.01)]))
            .Should().Throw<ArgumentException>().WithMessage("*market#0 is listed twice*");
        FluentActions.Invoking(() => new EngineDefinition(table, usdc, [new(new MarketId(0), usdc, 0.01)]))
            .Should().Throw<ArgumentException>().WithMessage("*must be a collateral asset other than the settlement asset*");
        FluentActions.Invoking(() => new EngineDefinition(table, usdc, [new(new MarketId(0), eth, 0.01), new(new MarketId(1), eth, 0.01)]))
            .Should().Throw<ArgumentException>().WithMessage("*already has a market*");
        FluentActions.Invoking(() => new EngineDefinition(table, usdc, [new(new MarketId(0), eth, 0)]))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("markets[0].MinimumOrder");
        FluentActions.Invoking(() => new EngineDefinition(table, usdc, [new(new MarketId(0), eth, 1, 0.5)]))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("markets[0].MaximumSlice");
        FluentActions.Invoking(() => new EngineDefinition(table, usdc, [], collateralSlots: 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Options_that_do_not_fit_the_definition_are_refused()
    {
        using var world = new EngineWorld();
        var badPool = new CascadeGuardOptions();
        var pool = new BufferPoolOptions { Name = "eth-pool", DebtAsset = EngineWorld.Eth };
        pool.GainAssets.Add(new PoolAsset(EngineWorld.Eth, 0.000001m));
        badPool.BufferPools.Add(pool);
        FluentActions.Invoking(() => new CascadeGuardEngine(world.Definition, world.Prices, world.Books, badPool))
            .Should().Throw<ArgumentException>().WithMessage("*'eth-pool' must take debt in the settlement asset*");

        var badDecimals = new CascadeGuardOptions { SettlementQuantum = 0.01m };
        FluentActions.Invoking(() => new CascadeGuardEngine(world.Definition, world.Prices, world.Books, badDecimals))
            .Should().Throw<ArgumentException>().WithMessage("*MoneyDecimals*SettlementQuantum*");

        var invalid = new CascadeGuardOptions { CloseFactor = 2 };
        FluentActions.Invoking(() => new CascadeGuardEngine(world.Definition, world.Prices, world.Books, invalid))
            .Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*CloseFactor*");
    }
}
