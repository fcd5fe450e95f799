using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.BufferPools;

/// <summary>Small examples worked by hand; each expected value is derived in the comment above it.</summary>
public class BufferPoolWorkedExampleTests
{
    [Fact]
    public void Three_depositors_two_liquidations_the_second_empties_the_pool()
    {
        var pool = UnitPool();
        pool.Deposit(Alice, 512).IsApplied.Should().BeTrue();
        pool.Deposit(Bob, 256);
        pool.Deposit(Carol, 256);
        pool.TotalDeposits.Should().Be(1024);

        // Liquidation 1: cancel 512 of 1024 (each deposit halves), share 1024 ETH by 512:256:256.
        pool.Offset(512, eth: 1024).Amount.Should().Be(512);
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob), pool.GetDeposit(Carol)).Should().Be((256m, 128m, 128m));
        (pool.GetPendingGain(Alice, Eth), pool.GetPendingGain(Bob, Eth), pool.GetPendingGain(Carol, Eth)).Should().Be((512m, 256m, 256m));

        // Liquidation 2: cancel the whole remaining 512: the pool is emptied (new epoch); 768 ETH by 256:128:128.
        var r = pool.Offset(512, eth: 768);
        r.Amount.Should().Be(512);
        pool.Journal[^1].Emptied.Should().BeTrue();
        pool.Epoch.Should().Be(1);
        pool.TotalDeposits.Should().Be(0);
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob), pool.GetDeposit(Carol)).Should().Be((0m, 0m, 0m));
        (pool.GetPendingGain(Alice, Eth), pool.GetPendingGain(Bob, Eth), pool.GetPendingGain(Carol, Eth)).Should().Be((896m, 448m, 448m));

        // A deposit in the new epoch shares only later events (P restarts at 2^127; S += 10 · 2^127 / 128, exact);
        // the old depositors' deposits stay at zero.
        pool.Deposit(Dave, 128);
        pool.Offset(64, eth: 10);
        pool.GetDeposit(Dave).Should().Be(64);
        pool.GetPendingGain(Dave, Eth).Should().Be(10);
        pool.GetDeposit(Alice).Should().Be(0);
        pool.GetPendingGain(Alice, Eth).Should().Be(896);

        // Claims pay out exactly; conservation holds to the unit.
        pool.Claim(Alice, Eth).Amount.Should().Be(896);
        pool.GetPendingGain(Alice, Eth).Should().Be(0);
        pool.TotalDeposited.Should().Be(pool.TotalWithdrawn + pool.TotalDebtBurned + pool.TotalDeposits);
        var audit = pool.Audit();
        audit.DepositDust.Should().Be(0);
        audit.Assets[0].Received.Should().Be(1802);
        audit.Assets[0].Claimed.Should().Be(896);
        audit.Assets[0].Dust.Should().Be(0);
    }

    [Fact]
    public void Gains_round_down_and_the_dust_stays_accounted()
    {
        var pool = UnitPool();
        pool.Deposit(Alice, 600);
        pool.Deposit(Bob, 300);
        pool.Deposit(Carol, 100);

        // Liquidation 1 is exact in binary: P = 2^127 · 500/1000 = 2^126; S += 1000 · 2^127 / 1000 = 2^127.
        pool.Offset(500, eth: 1000);
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob), pool.GetDeposit(Carol)).Should().Be((300m, 150m, 50m));

        // Liquidation 2 empties the pool with 800 ETH. Exactly, Alice gets 480, Bob 240, Carol 80. But
        // S += ⌊800 · 2^126 / 500⌋ = (8 · 2^126 − 2) / 5 (2^126 ≡ 4 mod 5), so Alice's gain is
        // ⌊600 · (8 · 2^126 − 2) / (5 · 2^127)⌋ = ⌊480 − 240 / 2^126⌋ = 479; likewise Bob 239, Carol 79.
        pool.Offset(500, eth: 800);
        (pool.GetPendingGain(Alice, Eth), pool.GetPendingGain(Bob, Eth), pool.GetPendingGain(Carol, Eth)).Should().Be((1079m, 539m, 179m));

        // The three units rounded away belong to nobody but are held and reported, never lost: 1800 = 1797 owed + 3 dust.
        var eth = pool.Audit().Assets[0];
        (eth.Received, eth.Owed, eth.Dust).Should().Be((1800m, 1797m, 3m));
        pool.GetHeld(Eth).Should().Be(1800);
    }

    [Fact]
    public void A_99_9999_percent_offset_is_not_a_false_emptying()
    {
        var pool = UnitPool();
        pool.Deposit(Alice, 600_000_000_000);
        pool.Deposit(Bob, 400_000_000_000);

        // Cancel all but 10^6 of 10^12. P = ⌊2^127 / 10^6⌋ is not exact (10^6 has factor 5^6), so Alice's deposit is
        // ⌊6·10^11 · ⌊2^127/10^6⌋ / 2^127⌋ = 599 999 (exactly 600 000 less a hair) and Bob's 399 999. The pool is NOT
        // emptied: same epoch, the product stays positive, and the depositors keep what is theirs.
        pool.Offset(999_999_000_000, eth: 1_000).IsApplied.Should().BeTrue();
        pool.Epoch.Should().Be(0);
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob)).Should().Be((599_999m, 399_999m));
        pool.Audit().DepositDust.Should().Be(2);

        // Both can withdraw everything; the two dust units remain in the pool's balance.
        pool.Withdraw(Alice, 599_999).IsApplied.Should().BeTrue();
        pool.Withdraw(Bob, 399_999).IsApplied.Should().BeTrue();
        pool.TotalDeposits.Should().Be(2);
    }

    [Fact]
    public void Renormalises_as_many_times_as_needed_so_P_never_stays_below_its_floor()
    {
        const long two62 = 1L << 62;
        var pool = UnitPool();
        pool.Deposit(Alice, two62);

        // P = 2^127 · 2^30 / 2^62 = 2^95: exactly at the floor, no renormalisation yet.
        pool.Offset(two62 - (1L << 30));
        pool.Core.P.Should().Be(ProductSumPool.PFloor);
        pool.Scale.Should().Be(0);

        // Bob brings the pool back to 2^62; then an offset keeps 2^28: P · 2^-34 = 2^61, ×2^32 = 2^93 (still below the
        // floor: a single renormalisation would stop here), ×2^32 again = 2^125.
        pool.Deposit(Bob, two62 - (1L << 30));
        pool.Offset(two62 - (1L << 28), eth: 1 << 20);
        pool.Scale.Should().Be(2);
        pool.Core.P.Should().Be(UInt128.One << 125);

        // Bob: (2^62 − 2^30) · 2^125 / 2^95 / 2^64 = 2^28 − 1/16, rounded down. Alice held 2^30 of 2^62: 1/16 of a unit → 0.
        pool.GetDeposit(Bob).Should().Be((1L << 28) - 1);
        pool.GetDeposit(Alice).Should().Be(0);

        // ETH: S += 2^20 · 2^95 / 2^62 = 2^53 in scale 0; Bob ⌊(2^62 − 2^30) · 2^53 / 2^95⌋ = 2^20 − 1, Alice ⌊2^-12⌋ = 0.
        pool.GetPendingGain(Bob, Eth).Should().Be((1 << 20) - 1);
        pool.GetPendingGain(Alice, Eth).Should().Be(0);
        pool.Audit().DepositDust.Should().Be(1);
    }

    [Fact]
    public void The_last_depositor_can_always_withdraw_because_losses_round_against_depositors()
    {
        var pool = UnitPool();
        pool.Deposit(Alice, 100);
        pool.Deposit(Bob, 100);
        pool.Deposit(Carol, 100);

        // Each exactly owns 66 2/3; rounded down to 66. Sum 198 of 200: 2 units of dust, never owed to anyone.
        // ETH: exactly 33 each, but S += ⌊99 · 2^127 / 300⌋ is a hair short of 33 · 2^127 / 100, so each gets
        // ⌊33 − ε⌋ = 32 (gains round down); 3 units stay as accounted dust.
        pool.Offset(100, eth: 99);
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob), pool.GetDeposit(Carol)).Should().Be((66m, 66m, 66m));
        pool.GetPendingGain(Carol, Eth).Should().Be(32);
        pool.Audit().Assets[0].Dust.Should().Be(3);
        pool.Withdraw(Alice, 66).IsApplied.Should().BeTrue();
        pool.Withdraw(Bob, 66).IsApplied.Should().BeTrue();
        pool.Withdraw(Carol, 66).IsApplied.Should().BeTrue();
        pool.Claim(Carol, Eth).Amount.Should().Be(32);
        pool.TotalDeposits.Should().Be(2);
        pool.Audit().Depositors.Should().Be(2);
    }

    [Fact]
    public void An_offset_leaves_the_minimum_balance_or_empties_the_pool_exactly()
    {
        var pool = UnitPool(minimum: 10);
        pool.Deposit(Alice, 100);

        pool.GetAbsorbable(50).Should().Be(50);
        pool.GetAbsorbable(95).Should().Be(90); // would leave 5 < 10: capped at 100 − 10
        pool.GetAbsorbable(100).Should().Be(100); // the whole pool: an exact emptying
        pool.GetAbsorbable(250).Should().Be(100);
        pool.Offset(95).Rejection.Should().Be(LedgerRejection.BelowMinimumBalance);
        pool.Offset(90).IsApplied.Should().BeTrue();
        pool.TotalDeposits.Should().Be(10);
        pool.GetAbsorbable(5).Should().Be(0); // 10 − 5 < 10
        pool.Offset(10).IsApplied.Should().BeTrue();
        pool.Epoch.Should().Be(1);
    }

    [Fact]
    public void Rewards_are_shared_pro_rata_without_cancelling_debt()
    {
        var pool = UnitPool();
        pool.Deposit(Alice, 768);
        pool.Deposit(Bob, 256);

        // S += 40 · 2^127 / 1024 = 40 · 2^117 (exact): Alice 768 · 40 / 1024 = 30, Bob 10.
        pool.DistributeReward(NextId(), Btc, 40).IsApplied.Should().BeTrue();
        (pool.GetPendingGain(Alice, Btc), pool.GetPendingGain(Bob, Btc)).Should().Be((30m, 10m));
        pool.TotalDeposits.Should().Be(1024);

        // 3 more: S += 3 · 2^117 (exact). Alice ⌊768 · 3 / 1024⌋ = ⌊2.25⌋ = 2, Bob ⌊0.75⌋ = 0; 0.25 + 0.75 = 1 unit of dust.
        pool.DistributeReward(NextId(), Btc, 3);
        (pool.GetPendingGain(Alice, Btc), pool.GetPendingGain(Bob, Btc)).Should().Be((32m, 10m));
        pool.Audit().Assets[1].Dust.Should().Be(1);
    }

    [Fact]
    public void Decimal_quanta_keep_amounts_exact()
    {
        var o = new BufferPoolOptions { DebtQuantum = 0.01m, MinimumBalance = 1m };
        o.GainAssets.Add(new CascadeGuard.Ledgers.BufferPools.PoolAsset(Eth, 0.00000001m));
        var pool = new BufferPool(o, Clock());
        pool.Deposit(Alice, 1000.50m);
        pool.Deposit(Bob, 500.25m);
        pool.Offset(NextId(), 750.375m - 0.005m, [new AssetAmount(Eth, 0.3m)]).IsApplied.Should().BeTrue();

        // Alice owns 2/3 exactly: 1000.50 − 2/3 · 750.37 = 500.2533…, rounded down to the cent; ETH 0.2 exactly.
        pool.GetDeposit(Alice).Should().Be(500.25m);
        pool.GetPendingGain(Alice, Eth).Should().Be(0.19999999m); // 0.2 less a hair of the product, rounded down
        pool.GetPendingGain(Bob, Eth).Should().Be(0.09999999m);
        pool.TotalDeposits.Should().Be(1500.75m - 750.37m);
    }
}
