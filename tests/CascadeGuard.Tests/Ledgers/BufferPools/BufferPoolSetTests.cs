using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Primitives;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.BufferPools;

public class BufferPoolSetTests
{
    private static readonly MarketId M1 = new(1);
    private static readonly MarketId M2 = new(2);
    private static readonly AssetId Dai = new(5);

    private static BufferPoolOptions Pool(string name, int priority, AssetId debt, params MarketId[] markets)
    {
        var o = new BufferPoolOptions { Name = name, Priority = priority, DebtAsset = debt, DebtQuantum = 1m, MinimumBalance = 10m };
        o.GainAssets.Add(new PoolAsset(Eth, 1m));
        if (name.StartsWith("m1", StringComparison.Ordinal))
        {
            o.GainAssets.Add(new PoolAsset(Btc, 1m));
        }

        foreach (var m in markets)
        {
            o.Markets.Add(m);
        }

        return o;
    }

    private static BufferPoolOptions[] Layout() =>
    [
        Pool("m1-first", 0, Usd, M1),
        Pool("shared", 1, Usd),
        Pool("dai", 0, Dai),
    ];

    private static BufferPoolSet Set() => new(Layout(), Clock());

    private static AbsorptionResult Absorb(ILiquidationAbsorber absorber, OperationId id, MarketId market, decimal debt, Span<decimal> taken, params AssetAmount[] collateral) =>
        absorber.Absorb(new AbsorptionRequest(id, market, Dave, Usd, debt, collateral), taken);

    [Fact]
    public void Routes_by_debt_asset_market_and_priority()
    {
        var set = new BufferPoolSet([.. Layout(), Pool("backstop", -1, Usd)], Clock());
        Span<int> order = stackalloc int[4];
        order[..set.Route(M1, Usd, order)].ToArray().Should().Equal(3, 0, 1);
        order[..set.Route(M2, Usd, order)].ToArray().Should().Equal(3, 1);
        order[..set.Route(M1, Dai, order)].ToArray().Should().Equal(2);
        set.Route(M1, Btc, order).Should().Be(0);
    }

    [Fact]
    public void Fills_pools_in_order_and_shares_collateral_by_the_debt_each_absorbs()
    {
        var set = Set();
        set.Pools[0].Deposit(Alice, 100);
        set.Pools[1].Deposit(Bob, 1000);
        set.GetAbsorbable(M1, Usd, 400).Should().Be(400);

        // Pool 0 is emptied (400 ≥ its 100); pool 1 takes the other 300. ETH: pool 0 gets ⌊800 · 100/400⌋ = 200 and pool 1,
        // the last with the debt fully absorbed, the rest (600). BTC: pool 0 ⌊40 · 100/400⌋ = 10; pool 1 does not hold BTC,
        // so 30 BTC stay with the caller.
        Span<decimal> taken = stackalloc decimal[2];
        var r = Absorb(set, NextId(), M1, 400, taken, new AssetAmount(Eth, 800), new AssetAmount(Btc, 40));
        (r.Outcome, r.DebtAbsorbed, r.DebtRemaining, r.PoolsUsed).Should().Be((LedgerOutcome.Applied, 400m, 0m, 2));
        taken.ToArray().Should().Equal(800m, 10m);
        set.Pools[0].Epoch.Should().Be(1);
        set.Pools[0].GetPendingGain(Alice, Eth).Should().Be(200);
        set.Pools[0].GetPendingGain(Alice, Btc).Should().Be(10);
        set.Pools[1].GetDeposit(Bob).Should().Be(700);
        set.Pools[1].GetPendingGain(Bob, Eth).Should().Be(600);
        set.Journal.Should().ContainSingle().Which.Allocations.Select(a => (a.Pool, a.Debt)).Should().Equal((0, 100m), (1, 300m));
    }

    [Fact]
    public void Absorbs_what_it_can_and_leaves_the_rest_with_the_caller()
    {
        var set = Set();
        set.Pools[0].Deposit(Alice, 100);
        set.Pools[1].Deposit(Bob, 50);
        Span<decimal> taken = stackalloc decimal[1];

        // Both pools are emptied (1000 ≥ each); collateral in proportion, rounded down: 100 and 50 of 1000 ETH.
        var r = Absorb(set, NextId(), M1, 1000, taken, new AssetAmount(Eth, 1000));
        (r.DebtAbsorbed, r.DebtRemaining).Should().Be((150m, 850m));
        taken[0].Should().Be(150m);

        // Nothing left to absorb: answered, not journaled.
        var journal = set.Journal.Count;
        r = Absorb(set, NextId(), M1, 10, taken, new AssetAmount(Eth, 3));
        (r.Outcome, r.DebtAbsorbed, r.DebtRemaining, r.Sequence).Should().Be((LedgerOutcome.Applied, 0m, 10m, 0L));
        taken[0].Should().Be(0m);
        set.Journal.Count.Should().Be(journal);
    }

    [Fact]
    public void A_repeat_has_no_effect_and_reports_the_original_result()
    {
        var set = Set();
        set.Pools[1].Deposit(Bob, 1000);
        var id = NextId();
        Span<decimal> taken = stackalloc decimal[1];
        var first = Absorb(set, id, M2, 300, taken, new AssetAmount(Eth, 77));
        var state = set.SaveSnapshot();
        taken[0] = -1;
        var again = Absorb(set, id, M2, 300, taken, new AssetAmount(Eth, 77));
        (again.Outcome, again.Sequence, again.DebtAbsorbed).Should().Be((LedgerOutcome.Duplicate, first.Sequence, 300m));
        taken[0].Should().Be(77m);
        set.SaveSnapshot().Should().Be(state);
        Absorb(set, id, M2, 301, taken, new AssetAmount(Eth, 77)).Rejection.Should().Be(LedgerRejection.IdReused);
        set.SaveSnapshot().Should().Be(state);
    }

    [Fact]
    public void Is_atomic_a_refusal_in_one_pool_leaves_every_pool_unchanged()
    {
        var set = Set();
        set.Pools[0].Deposit(Alice, 100);
        set.Pools[1].Deposit(Bob, 1000);
        set.Pools[1].DistributeReward(NextId(), Eth, long.MaxValue - 10);
        var state = set.SaveSnapshot();
        Span<decimal> taken = stackalloc decimal[1];
        var r = Absorb(set, NextId(), M1, 400, taken, new AssetAmount(Eth, 800));
        (r.Outcome, r.Rejection).Should().Be((LedgerOutcome.Rejected, LedgerRejection.Overflow));
        set.SaveSnapshot().Should().Be(state);
    }

    [Fact]
    public void Malformed_requests_and_layouts_are_refused()
    {
        var set = Set();
        set.Pools[1].Deposit(Bob, 1000);
        var state = set.SaveSnapshot();
        Span<decimal> none = [];
        FluentActions.Invoking(() => { _ = new AbsorptionRequest(default, M1, Dave, Usd, 1, []); }).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => { _ = new AbsorptionRequest(NextId(), M1, Dave, Usd, 0, []); }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("debt");
        FluentActions.Invoking(() => set.Absorb(new AbsorptionRequest(NextId(), M1, Dave, Usd, 1, [new AssetAmount(Eth, 1)]), [])).Should().Throw<ArgumentException>().WithParameterName("collateralTaken");
        FluentActions.Invoking(() => set.Absorb(new AbsorptionRequest(NextId(), M1, Dave, Usd, 1.5m, []), [])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => set.Absorb(new AbsorptionRequest(NextId(), M1, Dave, Usd, 1, [new AssetAmount(Eth, 1), new AssetAmount(Eth, 2)]), new decimal[2])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => set.Absorb(new AbsorptionRequest(NextId(), M1, Dave, Usd, 1, [new AssetAmount(Eth, -1)]), new decimal[1])).Should().Throw<ArgumentOutOfRangeException>();
        set.SaveSnapshot().Should().Be(state);

        var clash = Pool("clash", 0, Usd);
        clash.GainAssets[0] = new PoolAsset(Eth, 0.5m);
        FluentActions.Invoking(() => new BufferPoolSet([Pool("a", 0, Usd), clash])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new BufferPoolSet([Pool("a", 0, Usd), Pool("a", 1, Usd)])).Should().Throw<ArgumentException>().WithParameterName("pools");
        FluentActions.Invoking(() => new BufferPoolSet([])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Snapshot_restore_and_replay_reproduce_the_set()
    {
        var set = Set();
        set.Pools[0].Deposit(Alice, 100);
        set.Pools[1].Deposit(Bob, 1000);
        var id = NextId();
        Span<decimal> taken = stackalloc decimal[1];
        Absorb(set, id, M1, 400, taken, new AssetAmount(Eth, 800));
        set.Pools[1].Claim(NextId(), Bob, Eth);
        var json = set.SaveSnapshot();

        var restored = BufferPoolSet.Restore(json, Clock());
        restored.SaveSnapshot().Should().Be(json);
        Absorb(restored, id, M1, 400, taken, new AssetAmount(Eth, 800)).Outcome.Should().Be(LedgerOutcome.Duplicate);
        taken[0].Should().Be(800m);

        var replayed = BufferPoolSet.Replay(Layout(), set.Journal, [.. set.Pools.Select(p => p.Journal)], Clock());
        replayed.SaveSnapshot().Should().Be(json);

        // A set journal naming an offset the pool never journaled is refused.
        FluentActions.Invoking(() => BufferPoolSet.Replay(Layout(), set.Journal, [[], [], []])).Should().Throw<LedgerIntegrityException>();
    }

    /// <summary>The hand-off as a scheduler sees it: only the interface and the argument struct.</summary>
    [Fact]
    public void A_scheduler_hands_an_uncovered_liquidation_over_through_the_interface()
    {
        var set = Set();
        set.Pools[1].Deposit(Bob, 10_000);
        var scheduler = new FakeScheduler(set);
        var (absorbed, keptEth) = scheduler.HandOver(new OperationId(77), M2, debt: 2_500, eth: 1_300);
        (absorbed, keptEth).Should().Be((2_500m, 0m));
        set.Pools[1].GetDeposit(Bob).Should().Be(7_500);
        set.Pools[1].GetPendingGain(Bob, Eth).Should().Be(1_300);
    }

    private sealed class FakeScheduler(ILiquidationAbsorber absorber)
    {
        public (decimal Absorbed, decimal KeptEth) HandOver(OperationId id, MarketId market, decimal debt, decimal eth)
        {
            if (absorber.GetAbsorbable(market, Usd, debt) == 0)
            {
                return (0, eth);
            }

            Span<decimal> taken = stackalloc decimal[1];
            var r = absorber.Absorb(new AbsorptionRequest(id, market, Dave, Usd, debt, [new AssetAmount(Eth, eth)]), taken);
            return (r.DebtAbsorbed, eth - taken[0]);
        }
    }
}
