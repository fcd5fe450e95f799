using System.Globalization;
using System.Text.Json.Nodes;
using CascadeGuard.Breaker;
using CascadeGuard.Engine;
using CascadeGuard.Margin;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Engine;

/// <summary>
/// The ratio index only narrows which accounts a tick evaluates: an engine with it and one that evaluates every holder of a
/// moved asset (the rule before it) must route the same accounts in the same order, whatever happens.
/// </summary>
public class EngineTouchIndexTests
{
    private static readonly AssetId Eth = new(0);
    private static readonly AssetId Btc = new(1);
    private static readonly AssetId Usdc = new(2);
    private static readonly AssetId Arb = new(3);
    private static readonly AssetId[] Collaterals = [Eth, Btc, Usdc, Arb];

    [Fact]
    public void The_index_routes_exactly_as_evaluating_every_holder()
    {
        var routedSessions = 0;
        var fewerEvaluations = 0;
        Gen.Select(Gen.Int, Gen.Int[20, 70], Gen.Int[4, 40], Gen.Bool).Sample(
            (seed, steps, accounts, settlementWeighted) =>
            {
                var (indexed, everyHolder) = Run(seed, steps, accounts, settlementWeighted);
                indexed.Log.Should().Equal(everyHolder.Log);
                indexed.Snapshot.Should().Be(everyHolder.Snapshot);
                indexed.Evaluated.Should().BeLessThanOrEqualTo(everyHolder.Evaluated);
                routedSessions += indexed.Routed > 0 ? 1 : 0;
                fewerEvaluations += indexed.Evaluated < everyHolder.Evaluated ? 1 : 0;
            },
            iter: 150,
            threads: 1);

        // The sessions must exercise routing, and the index must actually skip evaluations.
        routedSessions.Should().BeGreaterThan(100);
        fewerEvaluations.Should().BeGreaterThan(100);
    }

    [Theory]
    [InlineData(Retry.PausedAsset, 1)]
    [InlineData(Retry.FinishedJob, 3)]
    [InlineData(Retry.RefusedAuction, 2)]
    public void An_account_left_liquidatable_is_routed_again_on_the_same_tick_as_before(Retry retry, int routings)
    {
        // Retry paths the full rule gave for free: a liquidatable account skipped while its asset was paused, one whose
        // market job ended while it is still liquidatable, one whose auction was refused. None of them is crossed again by
        // a move, yet each is routed on the same tick with and without the index.
        var indexed = RetryScenario(retry, touchEveryHolder: false);
        var everyHolder = RetryScenario(retry, touchEveryHolder: true);
        indexed.Routes.Should().Equal(everyHolder.Routes);
        indexed.Routed.Should().BeGreaterThanOrEqualTo(routings, string.Join("\n", indexed.Routes));
        indexed.Evaluated.Should().BeLessThan(everyHolder.Evaluated / 4);
    }

    [Fact]
    public void A_snapshot_without_a_watch_list_restores_to_the_same_decisions()
    {
        // Older snapshots have no watch list: every routable account is watched once, and the next evaluation narrows it.
        using var world = new EngineWorld();
        for (var i = 0; i < 20; i++)
        {
            world.Account(1, 1400 + (10 * i));
        }

        world.Tick(2000);
        var json = world.Engine.SaveSnapshot();
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("watch");
        using var restored = CascadeGuardEngine.Restore(node.ToJsonString(), world.Definition, world.Prices, world.Books, world.Options, world.Time);
        using var same = CascadeGuardEngine.Restore(json, world.Definition, world.Prices, world.Books, world.Options, world.Time);
        var price = 2000.0;
        int evaluatedRestored = 0, evaluatedSame = 0;
        for (var step = 0; step < 10; step++)
        {
            price *= 0.99;
            world.Time.Advance(TimeSpan.FromSeconds(5));
            var now = world.Time.GetUtcNow();
            world.Prices.Set(EngineWorld.Eth, price, now);
            world.Prices.Set(EngineWorld.Usdc, 1.0, now);
            world.Books.Set(EngineWorld.EthUsdc, price, now);
            var a = restored.Tick();
            var b = same.Tick();
            Describe(a).Should().Be(Describe(b));
            evaluatedRestored += a.Evaluated;
            evaluatedSame += b.Evaluated;
        }

        evaluatedRestored.Should().BeGreaterThan(evaluatedSame, "without a watch list every routable account is evaluated once");

        WithoutWatch(restored.SaveSnapshot()).Should().Be(WithoutWatch(same.SaveSnapshot()));
    }

    [Theory]
    [InlineData("watch", 0, 99)]
    [InlineData("indexedAssets", 1, 1)]
    public void A_snapshot_whose_index_fields_disagree_is_refused_naming_the_field(string field, int index, int value)
    {
        // An unknown watched account; an account's asset bits that its holders lists contradict (it holds both assets).
        using var world = new EngineWorld();
        world.Account(1, 1000);
        world.Account(1, 1700);
        world.Tick(2000);
        var node = JsonNode.Parse(world.Engine.SaveSnapshot())!.AsObject();
        var array = node[field]!.AsArray();
        if (array.Count <= index)
        {
            array.Add(value);
        }
        else
        {
            array[index] = value;
        }

        FluentActions.Invoking(() => CascadeGuardEngine.Restore(node.ToJsonString(), world.Definition, world.Prices, world.Books, world.Options, world.Time))
            .Should().Throw<ArgumentException>().WithMessage($"*'{field}'*");
    }

    public enum Retry
    {
        PausedAsset,
        FinishedJob,
        RefusedAuction,
    }

    private static (List<string> Routes, int Evaluated, int Routed) RetryScenario(Retry retry, bool touchEveryHolder)
    {
        using var world = new EngineWorld(
            o =>
            {
                o.Oracle = new OracleGuardOptions { Smoothing = OracleSmoothing.None, MaxDeviation = 0.10, ConfirmationQuotes = 3 };
                o.Auctions.MinimumDebt = 500m;
                o.Auctions.MaxDebtInAuction = 1600m;
            },
            minimumOrder: retry == Retry.RefusedAuction ? 1000 : 0.01);
        world.Engine.TouchEveryHolder = touchEveryHolder;
        var routes = new List<string>();
        int evaluated = 0, routed = 0;
        for (var i = 0; i < 60; i++)
        {
            world.Account(1, 500 + i);
        }

        world.Account(1, 1500);
        world.Account(1, 1490);
        var price = 2000.0;
        long ids = 0;
        var auctions = new List<AuctionStarted>();
        for (var step = 0; step < 40; step++)
        {
            // A fall that crosses the two accounts (beyond the deviation limit when testing the pause), then small moves.
            price *= step == 2 ? (retry == Retry.PausedAsset ? 0.85 : 0.92) : step % 2 == 0 ? 0.999 : 1.0005;
            var tick = world.Tick(price, TimeSpan.FromSeconds(5));
            evaluated += tick.Evaluated;
            routed += tick.NewLiquidations;
            routes.Add(string.Create(CultureInfo.InvariantCulture, $"{step}: {tick.NewLiquidations} routed, {tick.PausedAssets.Length} paused"));
            foreach (var sale in tick.Sales.ToArray())
            {
                routes.Add(string.Create(CultureInfo.InvariantCulture, $"{step}: sale {sale.Account} {sale.Quantity}"));
                // Filled in full but far below its limit: the job ends and the account is still liquidatable.
                world.Engine.ApplyFill(new FillReport(++ids, sale.Id, sale.Quantity, sale.LimitPrice * 0.5));
            }

            foreach (var auction in tick.AuctionsStarted.ToArray())
            {
                routes.Add(string.Create(CultureInfo.InvariantCulture, $"{step}: auction {auction.Account} {auction.Debt}"));
                auctions.Add(auction);
            }

            if (step % 5 == 4 && auctions.Count > 0)
            {
                // The first auction is bought out, which frees room under the limit for the refused one.
                var first = auctions[0];
                auctions.RemoveAt(0);
                routes.Add(world.Engine.TakeAuction(++ids, first.Auction, first.Lot, decimal.MaxValue / 2).Outcome.ToString());
            }
        }

        return (routes, evaluated, routed);
    }

    private sealed record Outcome(List<string> Log, string Snapshot, long Evaluated, long Routed);

    private static (Outcome Indexed, Outcome EveryHolder) Run(int seed, int steps, int accounts, bool settlementWeighted)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var prices = new ScriptedPriceFeed();
        var books = new ScriptedBookFeed();
        var table = new RiskParameterTable(
        [
            new AssetRiskParameters(0.75, 0.8, 0.05),
            new AssetRiskParameters(0.7, 0.75, 0.06),
            settlementWeighted ? new AssetRiskParameters(0.85, 0.9, 0.02) : null,
            new AssetRiskParameters(0.5, 0.6, 0.1),
        ]);
        var definition = new EngineDefinition(table, Usdc, [new EngineMarket(new MarketId(0), Eth, 0.01), new EngineMarket(new MarketId(1), Btc, 0.001)]);
        var options = new CascadeGuardOptions
        {
            Oracle = new OracleGuardOptions { Smoothing = OracleSmoothing.None, MaxDeviation = 0.12, ConfirmationQuotes = 2, MaxStaleness = TimeSpan.FromSeconds(45) },
            Breaker = new CircuitBreakerOptions
            {
                PriceDrop = new BreakerThresholds(0.90, 0.80, 0.95, 0.90),
                Volatility = new BreakerThresholds(1e6, 0.9e6, 2e6, 1.9e6),
            },
            UseAdaptiveParameters = seed % 2 == 0,
        };
        options.Throttle.VolumeParticipation = double.PositiveInfinity;
        options.Scheduler.MaxSharePerInterval = 0.05 + (0.1 * (seed & 3));
        using var indexed = new CascadeGuardEngine(definition, prices, books, options, time);
        using var everyHolder = new CascadeGuardEngine(definition, prices, books, options, time) { TouchEveryHolder = true };
        var logs = (Indexed: new List<string>(), EveryHolder: new List<string>());
        long evaluatedIndexed = 0, evaluatedEvery = 0, routed = 0;
        var random = new Random(seed);
        var price = new[] { 2000.0, 60000.0, 1.0, 1.5 };
        var silentUntil = new int[4];
        long ids = 0;

        void Both(Func<CascadeGuardEngine, string> command)
        {
            logs.Indexed.Add(Attempt(indexed, command));
            logs.EveryHolder.Add(Attempt(everyHolder, command));
        }

        for (var a = 0; a < accounts; a++)
        {
            var kind = random.Next(7);
            var collateral = kind switch { 1 => Btc, 3 => Arb, _ => Eth };
            var quantity = collateral == Btc ? 0.1 + random.NextDouble() : 1 + (10 * random.NextDouble());
            var value = quantity * price[collateral.Value] * table[collateral]!.LiquidationThreshold;
            Both(e =>
            {
                var id = e.OpenAccount();
                e.SetCollateral(id, collateral, quantity);
                if (kind == 2)
                {
                    e.SetCollateral(id, Btc, 0.05);
                }

                if (kind == 4)
                {
                    e.SetDebt(id, Eth, 0.1);
                }

                if (kind == 5)
                {
                    e.SetCollateral(id, Usdc, 100);
                }

                if (kind != 6)
                {
                    e.SetDebt(id, Usdc, value * (0.7 + (0.33 * ((id.Value * 7919 % 100) / 100.0))));
                }

                return id.ToString();
            });
        }

        for (var step = 0; step < steps; step++)
        {
            time.Advance(TimeSpan.FromSeconds(random.Next(1, 20)));
            var now = time.GetUtcNow();
            for (var asset = 0; asset < price.Length; asset++)
            {
                var roll = random.NextDouble();
                if (roll < 0.02)
                {
                    silentUntil[asset] = step + random.Next(3, 8); // stale: the oracle pauses the asset
                }

                if (step < silentUntil[asset])
                {
                    continue;
                }

                if (roll < 0.8)
                {
                    var sigma = asset == Usdc.Value ? 0.002 : roll < 0.04 ? 0.2 : 0.03;
                    price[asset] *= 1 + (sigma * ((2 * random.NextDouble()) - 1.2));
                }

                prices.Set(new AssetId(asset), price[asset], now);
            }

            books.Set(new MarketId(0), price[0], now);
            books.Set(new MarketId(1), price[1], now);

            for (var u = random.Next(3); u > 0; u--)
            {
                var account = new AccountId(random.Next(accounts));
                var asset = Collaterals[random.Next(Collaterals.Length)];
                var amount = random.NextDouble() < 0.2 ? 0 : random.NextDouble() * 5;
                var what = random.Next(4);
                Both(e =>
                {
                    switch (what)
                    {
                        case 0:
                            e.SetCollateral(account, asset, asset == Btc ? amount / 10 : amount);
                            break;
                        case 1:
                            e.SetDebt(account, Usdc, amount * 2000);
                            break;
                        case 2:
                            e.SetDebt(account, asset == Usdc ? Usdc : Eth, amount / 10);
                            break;
                        default:
                            e.CloseAccount(account);
                            break;
                    }

                    return "updated";
                });
            }

            var a = indexed.Tick();
            var b = everyHolder.Tick();
            evaluatedIndexed += a.Evaluated;
            evaluatedEvery += b.Evaluated;
            routed += a.NewLiquidations;
            logs.Indexed.Add(Describe(a));
            logs.EveryHolder.Add(Describe(b));
            foreach (var sale in a.Sales.ToArray())
            {
                var share = random.NextDouble();
                var fillId = ++ids;
                if (share < 0.15)
                {
                    Both(e => e.Cancel(sale.Id).ToString());
                }
                else if (share < 0.85)
                {
                    var fillPrice = price[sale.Market.Value] * (0.99 + (0.01 * share));
                    Both(e => e.ApplyFill(new FillReport(fillId, sale.Id, sale.Quantity * share, fillPrice)).ToString());
                }
            }

            foreach (var auction in a.AuctionsStarted.ToArray())
            {
                var share = 0.01m + Math.Round((decimal)random.NextDouble(), 2);
                var takeId = ++ids;
                Both(e => e.TakeAuction(takeId, auction.Auction, Math.Max(0.00000001m, Math.Round(auction.Lot * share, 8, MidpointRounding.ToZero)), auction.StartPrice).ToString());
            }

            logs.Indexed.Add(indexed.GetStatistics().ToString());
            logs.EveryHolder.Add(everyHolder.GetStatistics().ToString());
        }

        return (
            new Outcome(logs.Indexed, WithoutWatch(indexed.SaveSnapshot()), evaluatedIndexed, routed),
            new Outcome(logs.EveryHolder, WithoutWatch(everyHolder.SaveSnapshot()), evaluatedEvery, routed));
    }

    private static string Attempt(CascadeGuardEngine engine, Func<CascadeGuardEngine, string> command)
    {
        try
        {
            return command(engine);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>Everything a tick decided except how many accounts it evaluated (which the index lowers).</summary>
    private static string Describe(TickResult tick) =>
        string.Join(
            " | ",
            tick.Time.ToString("O", CultureInfo.InvariantCulture),
            tick.NewLiquidations.ToString(CultureInfo.InvariantCulture),
            string.Join(",", tick.Sales.ToArray()),
            string.Join(",", tick.AuctionsStarted.ToArray()),
            string.Join(",", tick.AuctionsRestarted.ToArray()),
            string.Join(",", tick.Absorptions.ToArray()),
            string.Join(",", tick.PausedAssets.ToArray()),
            string.Join(",", tick.BreakerTransitions.ToArray()));

    /// <summary>The saved state without the watch list, which only the index keeps.</summary>
    private static string WithoutWatch(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("watch");
        return node.ToJsonString();
    }
}
