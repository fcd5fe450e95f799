using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Primitives;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.BufferPools;

/// <summary>Every refusal and every malformed argument leaves the pool byte-for-byte as it was.</summary>
public class BufferPoolRejectionTests
{
    private static BufferPool Seeded()
    {
        var pool = UnitPool(minimum: 10);
        pool.Deposit(Alice, 600);
        pool.Deposit(Bob, 400);
        pool.Offset(100, eth: 50);
        return pool;
    }

    private static void Unchanged(BufferPool pool, Func<BufferPool, LedgerReceipt> act, LedgerRejection expected)
    {
        var before = pool.State();
        var journal = pool.Journal.Count;
        var r = act(pool);
        r.Outcome.Should().Be(LedgerOutcome.Rejected);
        r.Rejection.Should().Be(expected);
        (r.Amount, r.Sequence).Should().Be((0m, 0L));
        pool.State().Should().Be(before);
        pool.Journal.Count.Should().Be(journal);
    }

    private static void Throws<TException>(BufferPool pool, Action<BufferPool> act, string parameter)
        where TException : ArgumentException
    {
        var before = pool.State();
        FluentActions.Invoking(() => act(pool)).Should().Throw<TException>().Which.ParamName.Should().Be(parameter);
        pool.State().Should().Be(before);
    }

    [Fact]
    public void Overdrawing_a_deposit_is_refused()
    {
        var pool = Seeded();
        pool.GetDeposit(Alice).Should().Be(540);
        Unchanged(pool, p => p.Withdraw(NextId(), Alice, 541), LedgerRejection.InsufficientBalance);
        Unchanged(pool, p => p.Withdraw(NextId(), Carol, 1), LedgerRejection.InsufficientBalance);
    }

    [Fact]
    public void Offsets_beyond_the_deposits_or_into_the_minimum_are_refused()
    {
        var pool = Seeded();
        pool.TotalDeposits.Should().Be(900);
        Unchanged(pool, p => p.Offset(NextId(), 901, []), LedgerRejection.InsufficientDeposits);
        Unchanged(pool, p => p.Offset(NextId(), 891, []), LedgerRejection.BelowMinimumBalance);
        Unchanged(pool, p => p.Offset(NextId(), 899, [new AssetAmount(Eth, 5)]), LedgerRejection.BelowMinimumBalance);
    }

    [Fact]
    public void Overflowing_totals_are_refused()
    {
        var pool = Seeded();
        var max = (decimal)long.MaxValue;
        Unchanged(pool, p => p.Deposit(NextId(), Carol, max - 899), LedgerRejection.Overflow);
        Unchanged(pool, p => p.Offset(NextId(), 1, [new AssetAmount(Eth, max - 49)]), LedgerRejection.Overflow);
        Unchanged(pool, p => p.DistributeReward(NextId(), Eth, max - 49), LedgerRejection.Overflow);
        pool.Deposit(NextId(), Carol, max - 900).IsApplied.Should().BeTrue(); // exactly up to the limit is fine
    }

    [Fact]
    public void A_reward_with_nobody_to_share_it_is_refused()
    {
        var pool = UnitPool();
        Unchanged(pool, p => p.DistributeReward(NextId(), Eth, 5), LedgerRejection.NoDepositors);
    }

    [Fact]
    public void Repeating_an_id_has_no_effect_and_says_so()
    {
        var pool = Seeded();
        var id = NextId();
        var first = pool.Deposit(id, Carol, 100);
        var state = pool.State();
        var again = pool.Deposit(id, Carol, 100);
        again.Outcome.Should().Be(LedgerOutcome.Duplicate);
        (again.Sequence, again.Amount).Should().Be((first.Sequence, first.Amount));
        pool.State().Should().Be(state);

        var offsetId = NextId();
        var o1 = pool.Offset(offsetId, 100, [new AssetAmount(Eth, 7)]);
        var o2 = pool.Offset(offsetId, 100, [new AssetAmount(Eth, 7)]);
        o2.Outcome.Should().Be(LedgerOutcome.Duplicate);
        o2.Sequence.Should().Be(o1.Sequence);

        var claimId = NextId();
        var c1 = pool.Claim(claimId, Alice, Eth);
        var c2 = pool.Claim(claimId, Alice, Eth);
        (c2.Outcome, c2.Amount).Should().Be((LedgerOutcome.Duplicate, c1.Amount));
        c1.Amount.Should().BePositive();
    }

    [Fact]
    public void Reusing_an_id_for_a_different_operation_is_refused()
    {
        var pool = Seeded();
        var id = NextId();
        pool.Deposit(id, Carol, 100);
        Unchanged(pool, p => p.Deposit(id, Carol, 101), LedgerRejection.IdReused);
        Unchanged(pool, p => p.Deposit(id, Dave, 100), LedgerRejection.IdReused);
        Unchanged(pool, p => p.Withdraw(id, Carol, 100), LedgerRejection.IdReused);
        Unchanged(pool, p => p.Offset(id, 100, []), LedgerRejection.IdReused);
    }

    [Fact]
    public void A_rejected_id_stays_free()
    {
        var pool = Seeded();
        var id = NextId();
        pool.Withdraw(id, Carol, 5).Rejection.Should().Be(LedgerRejection.InsufficientBalance);
        pool.Deposit(NextId(), Carol, 10);
        pool.Withdraw(id, Carol, 5).IsApplied.Should().BeTrue();
    }

    [Fact]
    public void Malformed_arguments_throw_naming_the_parameter()
    {
        var pool = Seeded();
        Throws<ArgumentException>(pool, p => p.Deposit(default, Carol, 1), "id");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Deposit(NextId(), Carol, 0), "amount");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Deposit(NextId(), Carol, -1), "amount");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Deposit(NextId(), Carol, 1.5m), "amount");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Deposit(NextId(), Carol, (decimal)long.MaxValue + 1), "amount");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Withdraw(NextId(), Alice, 0.1m), "amount");
        Throws<ArgumentException>(pool, p => p.Claim(NextId(), Alice, Usd), "asset");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Offset(NextId(), 0, []), "debt");
        Throws<ArgumentException>(pool, p => p.Offset(NextId(), 1, [new AssetAmount(new AssetId(9), 1)]), "collateral");
        Throws<ArgumentException>(pool, p => p.Offset(NextId(), 1, [new AssetAmount(Eth, 1), new AssetAmount(Eth, 1)]), "collateral");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Offset(NextId(), 1, [new AssetAmount(Eth, -1)]), "collateral");
        Throws<ArgumentOutOfRangeException>(pool, p => p.Offset(NextId(), 1, [new AssetAmount(Eth, 0.5m)]), "collateral");
        Throws<ArgumentOutOfRangeException>(pool, p => p.DistributeReward(NextId(), Eth, 0), "amount");
        Throws<ArgumentException>(pool, p => p.GetPendingGain(Alice, Usd), "asset");
        Throws<ArgumentOutOfRangeException>(pool, p => p.GetAbsorbable(-1), "debt");
    }

    [Theory]
    [InlineData("DebtQuantum")]
    [InlineData("MinimumBalance")]
    [InlineData("GainAssets")]
    [InlineData("Name")]
    [InlineData("Markets")]
    public void Invalid_options_are_refused_naming_the_field(string field)
    {
        var o = UnitOptions();
        switch (field)
        {
            case "DebtQuantum": o.DebtQuantum = 0; break;
            case "MinimumBalance": o.MinimumBalance = 0.5m; break;
            case "GainAssets": o.GainAssets.Add(new PoolAsset(Eth, 1)); break;
            case "Name": o.Name = " "; break;
            default: o.Markets.Add(new MarketId(1)); o.Markets.Add(new MarketId(1)); break;
        }

        FluentActions.Invoking(() => new BufferPool(o)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be(field);
    }

    [Fact]
    public void Options_need_a_gain_asset_and_valid_quanta()
    {
        var o = UnitOptions();
        o.GainAssets.Clear();
        FluentActions.Invoking(o.Validate).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("GainAssets");
        o.GainAssets.Add(new PoolAsset(Eth, 0.0000000000000000001m)); // 19 decimal places
        FluentActions.Invoking(o.Validate).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("GainAssets[0].Quantum");
        o.DebtQuantum = 5_000_000_000m; // mantissa above 2^32
        FluentActions.Invoking(o.Validate).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("DebtQuantum");
    }

    [Fact]
    public void Options_are_copied_at_construction()
    {
        var o = UnitOptions();
        var pool = new BufferPool(o, Clock());
        o.MinimumBalance = 500;
        o.GainAssets.Clear();
        pool.MinimumBalance.Should().Be(1);
        pool.GainAssets.Should().HaveCount(2);
    }
}
