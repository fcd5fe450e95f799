using System.Text.Json.Nodes;
using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.BufferPools;

/// <summary>Snapshots and journals: round trips, and refusal of anything a live pool could not have produced.</summary>
public class BufferPoolPersistenceTests
{
    private static BufferPool Busy()
    {
        var pool = UnitPool();
        pool.Deposit(Alice, 1_000_000_000_000);
        pool.Deposit(Bob, 3);
        pool.Offset(999_999_999_803, eth: 77, btc: 5); // keeps 200 of 10^12: P × 2·10^-10 < 10^29, renormalised
        pool.Deposit(Carol, 500);
        pool.Offset(700, eth: 11); // empties the pool: epoch 1
        pool.Deposit(Dave, 40);
        pool.DistributeReward(NextId(), Btc, 9);
        pool.Claim(Alice, Eth);
        return pool;
    }

    [Fact]
    public void Snapshot_is_versioned_json_and_restores_exactly()
    {
        var pool = Busy();
        var json = pool.SaveSnapshot();
        JsonNode.Parse(json)!["sums"]!.AsArray().Count.Should().Be(3, "epoch 0 had scales 0 and 1; epoch 1 has scale 0");
        JsonNode.Parse(json)!["version"]!.GetValue<int>().Should().Be(1);
        var restored = BufferPool.Restore(json, Clock());
        restored.SaveSnapshot().Should().Be(json);
        restored.NextSequence.Should().Be(pool.NextSequence);
        restored.Journal.Should().BeEmpty();
        foreach (var who in new[] { Alice, Bob, Carol, Dave })
        {
            restored.GetDeposit(who).Should().Be(pool.GetDeposit(who));
            restored.GetPendingGain(who, Eth).Should().Be(pool.GetPendingGain(who, Eth));
            restored.GetPendingGain(who, Btc).Should().Be(pool.GetPendingGain(who, Btc));
        }

        // An id applied before the snapshot is still known after it.
        var first = pool.Journal[0];
        restored.Deposit(first.Id, first.Depositor, first.Amount).Outcome.Should().Be(LedgerOutcome.Duplicate);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"version\":2}")]
    public void Garbage_or_unknown_versions_are_refused(string json)
    {
        FluentActions.Invoking(() => BufferPool.Restore(json)).Should().Throw<LedgerIntegrityException>();
    }

    [Theory]
    [InlineData("p", "\"1\"")] // below the floor 2^95
    [InlineData("total", "12345")] // totals no longer reconcile
    [InlineData("scale", "5")] // slots and scale disagree
    [InlineData("debtQuantum", "0")]
    public void Tampered_snapshots_are_refused(string field, string value)
    {
        var node = JsonNode.Parse(Busy().SaveSnapshot())!;
        node[field] = JsonNode.Parse(value);
        FluentActions.Invoking(() => BufferPool.Restore(node.ToJsonString())).Should().Throw<LedgerIntegrityException>();
    }

    [Fact]
    public void A_snapshot_owing_more_than_it_holds_is_refused()
    {
        var node = JsonNode.Parse(Busy().SaveSnapshot())!;
        var dave = node["depositors"]!.AsArray().Last()!;
        dave["base"] = dave["base"]!.GetValue<long>() * 2; // Dave now claims twice his deposit
        FluentActions.Invoking(() => BufferPool.Restore(node.ToJsonString())).Should().Throw<LedgerIntegrityException>();
    }

    [Fact]
    public void Journal_round_trips_as_json_and_replays()
    {
        var pool = Busy();
        var json = BufferPool.WriteJournal(pool.Journal);
        var events = BufferPool.ReadJournal(json);
        events.Should().HaveCount(pool.Journal.Count);
        events[4].Emptied.Should().BeTrue();
        events[4].Collateral.Should().Equal(new AssetAmount(Eth, 11));
        BufferPool.Replay(UnitOptions(), events, Clock()).SaveSnapshot().Should().Be(pool.SaveSnapshot());
    }

    [Fact]
    public void A_journal_that_does_not_reproduce_is_refused()
    {
        var pool = Busy();
        var events = pool.Journal.ToList();
        var claim = events.FindIndex(e => e.Kind == BufferPoolEventKind.Claim);

        List<BufferPoolEvent> gap = [.. events.Where((_, i) => i != 1)];
        List<BufferPoolEvent> repeated = [.. events.Take(2), events[1]];
        var altered = events.ToList();
        altered[claim] = new BufferPoolEvent { Sequence = events[claim].Sequence, Id = events[claim].Id, Kind = BufferPoolEventKind.Claim, Depositor = Alice, Asset = Eth, Amount = 1 };
        var badAmount = events.ToList();
        badAmount[0] = new BufferPoolEvent { Sequence = 1, Id = events[0].Id, Kind = BufferPoolEventKind.Deposit, Depositor = Alice, Amount = 0.5m };

        foreach (var journal in new[] { gap, repeated, altered, badAmount })
        {
            FluentActions.Invoking(() => BufferPool.Replay(UnitOptions(), journal)).Should().Throw<LedgerIntegrityException>();
        }

        FluentActions.Invoking(() => BufferPool.ReadJournal("{")).Should().Throw<LedgerIntegrityException>();
    }
}
