using CascadeGuard.Engine;

namespace CascadeGuard.Tests.Engine;

/// <summary>
/// The engine compares each market's oracle ratio with its own book: when they disagree by more than
/// <see cref="CascadeGuardOptions.MaxOracleBookDeviation"/>, the market's collateral is not liquidated until they agree.
/// </summary>
public class OracleBookDisputeTests
{
    [Fact]
    public void A_settlement_oracle_that_spikes_alone_liquidates_nothing_and_pauses_the_collateral()
    {
        using var world = new EngineWorld();
        world.Tick(2000.0);
        var account = world.Account(1.0, 1_500.0); // HF 2000 · 0.8 / 1500 = 1.067

        // USDC's oracle reads 1.30 while the ETH/USDC book stays at 2,000: the oracle ratio 1,538.5 is 23 % under the
        // book's mid, beyond the 15 % tolerance. By the oracle the account is liquidatable (HF 0.82); the engine waits.
        for (var i = 0; i < 5; i++)
        {
            var tick = Spike(world, 1.30);
            tick.NewLiquidations.Should().Be(0);
            tick.Sales.IsEmpty.Should().BeTrue();
            tick.AuctionsStarted.IsEmpty.Should().BeTrue();
            tick.PausedAssets.ToArray().Should().Equal(EngineWorld.Eth);
        }

        world.Evaluate(account, out _, out _, out _).HealthFactor.Should().BeLessThan(1, "the oracle still says so");

        // The oracle comes back: the dispute clears and the account, healthy again, is left alone.
        var back = world.Tick(2000.0);
        back.PausedAssets.IsEmpty.Should().BeTrue();
        back.NewLiquidations.Should().Be(0);
    }

    [Fact]
    public void A_spike_within_the_tolerance_is_acted_on()
    {
        // 1.10: the oracle ratio is 9.1 % under the book, inside 15 %; the account (HF 1.067 at 1.00) is liquidatable at
        // 1.10 (HF 0.97) and is routed at once.
        using var world = new EngineWorld();
        world.Tick(2000.0);
        world.Account(1.0, 1_500.0);
        var tick = Spike(world, 1.10);
        tick.PausedAssets.IsEmpty.Should().BeTrue();
        tick.NewLiquidations.Should().Be(1);
    }

    [Fact]
    public void Accounts_skipped_during_a_dispute_are_routed_when_it_clears_at_an_unchanged_price()
    {
        // The book falls to 1,200 while the collateral oracle stays at 2,000 (a broken oracle, or a broken book): ETH is
        // paused. Then the oracle catches up to 1,700 while the book recovers to 1,700; nothing moves after that.
        using var world = new EngineWorld();
        world.Tick(2000.0);
        world.Account(1.0, 1_500.0);
        var disputed = Quote(world, eth: 1_700.0, usdc: 1.0, book: 1_200.0);
        disputed.PausedAssets.ToArray().Should().Equal(EngineWorld.Eth);
        disputed.NewLiquidations.Should().Be(0, "HF 1700 · 0.8 / 1500 = 0.907 < 1, but the book disputes the price");

        // Same oracle price, the book agrees again: the account is evaluated again although its price did not move.
        var agreed = world.Tick(1_700.0);
        agreed.PausedAssets.IsEmpty.Should().BeTrue();
        agreed.NewLiquidations.Should().Be(1);
    }

    [Fact]
    public void A_restored_engine_remembers_the_dispute_and_routes_when_it_clears()
    {
        // As in the previous test, but the engine is saved and restored while the dispute holds: the restored engine
        // must know the price was disputed, or it would not look at the account again at an unchanged price.
        using var world = new EngineWorld();
        world.Tick(2000.0);
        world.Account(1.0, 1_500.0);
        Quote(world, eth: 1_700.0, usdc: 1.0, book: 1_200.0).PausedAssets.ToArray().Should().Equal(EngineWorld.Eth);

        var json = world.Engine.SaveSnapshot();
        json.Should().Contain("\"disputed\":[true,false]");
        using var restored = CascadeGuardEngine.Restore(json, world.Definition, world.Prices, world.Books, world.Options, world.Time);
        restored.SaveSnapshot().Should().Be(json);
        var agreed = Quote(world, eth: 1_700.0, usdc: 1.0, book: 1_700.0, restored);
        agreed.PausedAssets.IsEmpty.Should().BeTrue();
        agreed.NewLiquidations.Should().Be(1);
    }

    [Fact]
    public void Infinity_turns_the_check_off()
    {
        using var world = new EngineWorld(o => o.MaxOracleBookDeviation = double.PositiveInfinity);
        world.Tick(2000.0);
        world.Account(1.0, 1_500.0);
        var tick = Spike(world, 1.30);
        tick.PausedAssets.IsEmpty.Should().BeTrue();
        tick.NewLiquidations.Should().Be(1);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void A_tolerance_that_is_not_positive_is_rejected_by_name(double tolerance)
    {
        var errors = CascadeGuardOptionsValidator.Check(new CascadeGuardOptions { MaxOracleBookDeviation = tolerance });
        errors.Should().ContainSingle().Which.Should().Contain(nameof(CascadeGuardOptions.MaxOracleBookDeviation));
    }

    [Theory]
    [InlineData("\"disputed\":[true,false]", "\"disputed\":[true]", "disputed")]
    [InlineData("\"bookMid\":[1200]", "\"bookMid\":[-1]", "bookMid")]
    [InlineData("\"bookMid\":[1200]", "\"bookMid\":[1200,1200]", "bookMid")]
    public void A_snapshot_with_a_bad_dispute_field_is_refused_by_name(string field, string corrupted, string name)
    {
        using var world = new EngineWorld();
        world.Tick(2000.0);
        Quote(world, eth: 1_700.0, usdc: 1.0, book: 1_200.0);
        var json = world.Engine.SaveSnapshot();
        json.Should().Contain(field);
        FluentActions.Invoking(() => CascadeGuardEngine.Restore(json.Replace(field, corrupted, StringComparison.Ordinal), world.Definition, world.Prices, world.Books, world.Options, world.Time))
            .Should().Throw<ArgumentException>().WithMessage($"*'{name}'*");
    }

    // ETH and the book at 2,000; USDC's oracle at the given price.
    private static TickResult Spike(EngineWorld world, double usdc) => Quote(world, eth: 2000.0, usdc, book: 2000.0);

    // One second later: the two oracle quotes and the book's mid, then a tick of the given engine (the world's by default).
    private static TickResult Quote(EngineWorld world, double eth, double usdc, double book, CascadeGuardEngine? engine = null)
    {
        world.Time.Advance(TimeSpan.FromSeconds(1));
        var now = world.Time.GetUtcNow();
        world.Prices.Set(EngineWorld.Eth, eth, now);
        world.Prices.Set(EngineWorld.Usdc, usdc, now);
        world.Books.Set(EngineWorld.EthUsdc, book, now);
        return (engine ?? world.Engine).Tick();
    }
}
