using CascadeGuard.Engine;
using CascadeGuard.Feeds;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Engine;

[Collection(AllocationMeasurements.Name)]
public class EngineAllocationTests
{
    // With the ratio index a drift that crosses no account's liquidation ratio evaluates nobody; evaluating every holder
    // (the rule before the index, kept for tests) evaluates all 2,000. Both allocate nothing.
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2000)]
    public void Steady_state_ticks_allocate_nothing(bool touchEveryHolder, int evaluated)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var assets = new AssetRiskParameters?[6];
        var markets = new List<EngineMarket>();
        for (var a = 0; a < 5; a++)
        {
            assets[a] = new AssetRiskParameters(0.7, 0.8, 0.05);
            markets.Add(new EngineMarket(new MarketId(a), new AssetId(a), 0.01));
        }

        var definition = new EngineDefinition(new RiskParameterTable(assets), new AssetId(5), markets);
        var prices = new ScriptedPriceFeed();
        var books = new ScriptedBookFeed();
        using var engine = new CascadeGuardEngine(definition, prices, books, new CascadeGuardOptions(), time) { TouchEveryHolder = touchEveryHolder };
        for (var i = 0; i < 2000; i++)
        {
            var id = engine.OpenAccount();
            engine.SetCollateral(id, new AssetId(i % 5), 1.0);
            engine.SetDebt(id, new AssetId(5), 500.0);
        }

        long allocated = 0;
        for (var t = 0; t < 200; t++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var now = time.GetUtcNow();
            for (var a = 0; a < 5; a++)
            {
                // A gentle drift: every tick moves every (smoothed) price, nobody breaches.
                var price = 2000 * (1 + (0.0001 * (t + a)));
                prices.Set(new AssetId(a), price, now);
                books.Set(new MarketId(a), price, now);
            }

            prices.Set(new AssetId(5), 1.0, now);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var tick = engine.Tick();
            if (t >= 100)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                tick.Evaluated.Should().Be(evaluated);
            }
        }

        allocated.Should().Be(0);
    }
}
