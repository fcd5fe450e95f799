using CascadeGuard.Engine;
using CascadeGuard.Scheduling;
using CsCheck;

namespace CascadeGuard.Tests.Engine;

public class EngineSnapshotTests
{
    // One step: the ETH price move (−3 % .. +2 %), how many seconds pass, and which released sales fill.
    private static readonly Gen<(double Move, int Seconds, double FillShare)[]> Path =
        Gen.Select(Gen.Double[-0.03, 0.02], Gen.Int[1, 40], Gen.Double[0, 1]).Array[5, 40];

    [Fact]
    public void A_restored_engine_emits_exactly_what_the_original_would_have()
    {
        Gen.Select(Path, Gen.Int[0, 39], Gen.Int[3, 12]).Sample(
            (path, cut, accounts) =>
            {
                var full = Run(path, accounts, cut: null);
                Run(path, accounts, cut: Math.Min(cut, path.Length - 1)).Should().Equal(full);
            },
            iter: 60);
    }

    [Fact]
    public void A_malformed_snapshot_is_refused_naming_the_field()
    {
        using var world = new EngineWorld();
        world.Account(1, 100);
        world.Tick(2000);
        var json = world.Engine.SaveSnapshot();

        FluentActions.Invoking(() => CascadeGuardEngine.Restore("{", world.Definition, world.Prices, world.Books, world.Options, world.Time))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("json");
        FluentActions.Invoking(() => CascadeGuardEngine.Restore(json.Replace("\"version\":1", "\"version\":9", StringComparison.Ordinal), world.Definition, world.Prices, world.Books, world.Options, world.Time))
            .Should().Throw<ArgumentException>().WithMessage("*'version'*");
        FluentActions.Invoking(() => CascadeGuardEngine.Restore(json.Replace("\"assetCount\":2", "\"assetCount\":3", StringComparison.Ordinal), world.Definition, world.Prices, world.Books, world.Options, world.Time))
            .Should().Throw<ArgumentException>().WithMessage("*'assetCount'*");
    }

    /// <summary>Runs a path; with <paramref name="cut"/>, saves and restores the engine before that step. Returns every output as text.</summary>
    private static List<string> Run((double Move, int Seconds, double FillShare)[] path, int accounts, int? cut)
    {
        var world = new EngineWorld(o => o.UseAdaptiveParameters = true);
        var engine = world.Engine;
        for (var a = 0; a < accounts; a++)
        {
            var id = engine.OpenAccount();
            engine.SetCollateral(id, EngineWorld.Eth, 1.0 + a);
            engine.SetDebt(id, EngineWorld.Usdc, (1.0 + a) * 2000 * (0.70 + (0.012 * a)));
        }

        var log = new List<string>();
        var price = 2000.0;
        long fill = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (i == cut)
            {
                var json = engine.SaveSnapshot();
                engine.Dispose();
                engine = CascadeGuardEngine.Restore(json, world.Definition, world.Prices, world.Books, world.Options, world.Time);
                engine.SaveSnapshot().Should().Be(json, "a restored engine saves the same state");
            }

            var (move, seconds, share) = path[i];
            price *= 1 + move;
            world.Time.Advance(TimeSpan.FromSeconds(seconds));
            var now = world.Time.GetUtcNow();
            world.Prices.Set(EngineWorld.Eth, price, now);
            world.Prices.Set(EngineWorld.Usdc, 1.0, now);
            world.Books.Set(EngineWorld.EthUsdc, price, now);
            var tick = engine.Tick();
            log.Add($"{tick.Time:O} {tick.Evaluated} {tick.NewLiquidations}");
            foreach (var sale in tick.Sales.ToArray())
            {
                log.Add(sale.ToString());
                if (share > 0.3)
                {
                    log.Add(engine.ApplyFill(new FillReport(++fill, sale.Id, sale.Quantity * share, price * 0.995)).ToString());
                }
            }

            foreach (var auction in tick.AuctionsStarted.ToArray())
            {
                log.Add(auction.ToString());
                if (share > 0.3)
                {
                    // As for fills: a tiny share would ask for less than the auction house's quantity grid (refused as zero).
                    log.Add(engine.TakeAuction(++fill, auction.Auction, auction.Lot * (decimal)share, auction.StartPrice).ToString());
                }
            }

            log.Add(engine.GetStatistics().ToString());
        }

        engine.Dispose();
        return log;
    }
}
