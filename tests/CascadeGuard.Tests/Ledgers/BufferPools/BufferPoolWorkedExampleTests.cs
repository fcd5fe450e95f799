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

        // Liquidation 1: cancel 512 of 1024 (each deposit halves), share 1024 ETH by 512:256:256 (all exact in base 10^38).
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

        // A deposit in the new epoch shares only later events (P restarts at 10^38; S += 10 · 10^38 / 128, exact);
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
        pool.Deposit(Carol, 300);

        // Liquidation 1 is exact: P = 10^38 · 600/1200 = 10^38/2; S += 1200 · 10^38 / 1200 = 10^38.
        pool.Offset(600, eth: 1200);
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob), pool.GetDeposit(Carol)).Should().Be((300m, 150m, 150m));
        (pool.GetPendingGain(Alice, Eth), pool.GetPendingGain(Bob, Eth), pool.GetPendingGain(Carol, Eth)).Should().Be((600m, 300m, 300m));

        // Liquidation 2 empties the pool with 800 ETH: exactly 400, 200 and 200. But 600 has a factor 3, so
        // S += ⌊800 · (10^38/2) / 600⌋ = ⌊(2/3) · 10^38⌋ = (2 · 10^38 − 2)/3 (10^38 ≡ 1 mod 3), and Alice gets
        // ⌊600 · (2 · 10^38 − 2) / (3 · 10^38)⌋ = ⌊400 − 400/10^38⌋ = 399; likewise Bob and Carol 199.
        pool.Offset(600, eth: 800);
        (pool.GetPendingGain(Alice, Eth), pool.GetPendingGain(Bob, Eth), pool.GetPendingGain(Carol, Eth)).Should().Be((999m, 499m, 499m));

        // The three units rounded away belong to nobody but are held and reported, never lost: 2000 = 1997 owed + 3 dust.
        var eth = pool.Audit().Assets[0];
        (eth.Received, eth.Owed, eth.Dust).Should().Be((2000m, 1997m, 3m));
        pool.GetHeld(Eth).Should().Be(2000);
    }

    [Fact]
    public void A_99_9999_percent_offset_is_not_a_false_emptying()
    {
        var pool = UnitPool();
        pool.Deposit(Alice, 600_000_000_001);
        pool.Deposit(Bob, 399_999_999_999);

        // Cancel all but 10^6 of 10^12: P = 10^38 · 10^6 / 10^12 = 10^32, exact. Alice keeps
        // ⌊(6·10^11 + 1) · 10^32 / 10^38⌋ = ⌊600 000.000 001⌋ = 600 000 and Bob ⌊399 999.999 999⌋ = 399 999. The pool is
        // NOT emptied: same epoch, the product stays positive, the depositors keep what is theirs, 1 unit is dust.
        pool.Offset(999_999_000_000, eth: 1_000).IsApplied.Should().BeTrue();
        pool.Epoch.Should().Be(0);
        pool.Core.P.Should().Be(UInt128.Parse("100000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture));
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob)).Should().Be((600_000m, 399_999m));
        pool.Audit().DepositDust.Should().Be(1);

        // Both can withdraw everything; the dust unit remains in the pool's balance.
        pool.Withdraw(Alice, 600_000).IsApplied.Should().BeTrue();
        pool.Withdraw(Bob, 399_999).IsApplied.Should().BeTrue();
        pool.TotalDeposits.Should().Be(1);
    }

    [Fact]
    public void Renormalises_as_many_times_as_needed_so_P_never_stays_below_its_floor()
    {
        const long e18 = 1_000_000_000_000_000_000;
        const long e9 = 1_000_000_000;
        var pool = UnitPool();
        pool.Deposit(Alice, e18);

        // P = 10^38 · 10^9 / 10^18 = 10^29: exactly at the floor, no renormalisation yet.
        pool.Offset(e18 - e9);
        pool.Core.P.Should().Be(ProductSumPool.PFloor);
        pool.Scale.Should().Be(0);

        // Bob brings the pool back to 10^18; then an offset keeps 10^8: P · 10^-10 = 10^19, ×10^9 = 10^28 (still below
        // the floor: a single renormalisation would stop here), ×10^9 again = 10^37.
        pool.Deposit(Bob, e18 - e9);
        pool.Offset(e18 - 100_000_000, eth: 1_000_000);
        pool.Scale.Should().Be(2);
        pool.Core.P.Should().Be(ProductSumPool.POne / 10);

        // Bob: (10^18 − 10^9) · 10^37 / 10^29 / 10^18 = 10^8 − 0.1, rounded down. Alice held 10^9 of 10^18: 0.1 → 0.
        pool.GetDeposit(Bob).Should().Be(99_999_999);
        pool.GetDeposit(Alice).Should().Be(0);

        // ETH: S += 10^6 · 10^29 / 10^18 = 10^17 in scale 0; Bob ⌊(10^18 − 10^9) · 10^17 / 10^29⌋ = ⌊10^6 − 0.001⌋,
        // Alice ⌊10^18 · 10^17 / 10^38⌋ = ⌊0.1⌋ = 0.
        pool.GetPendingGain(Bob, Eth).Should().Be(999_999);
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

        // Each exactly owns 66 2/3 (P = ⌊10^38 · 2/3⌋); rounded down to 66. Sum 198 of 200: 2 units of dust, never owed
        // to anyone. ETH: S += 100 · 10^38 / 300, rounded down; each gets ⌊33.33…⌋ = 33 and 1 unit stays as dust.
        pool.Offset(100, eth: 100);
        (pool.GetDeposit(Alice), pool.GetDeposit(Bob), pool.GetDeposit(Carol)).Should().Be((66m, 66m, 66m));
        pool.GetPendingGain(Carol, Eth).Should().Be(33);
        pool.Audit().Assets[0].Dust.Should().Be(1);
        pool.Withdraw(Alice, 66).IsApplied.Should().BeTrue();
        pool.Withdraw(Bob, 66).IsApplied.Should().BeTrue();
        pool.Withdraw(Carol, 66).IsApplied.Should().BeTrue();
        pool.Claim(Carol, Eth).Amount.Should().Be(33);
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

        // S += 40 · 10^38 / 1024 (exact: 2^10 divides 10^38): Alice 768 · 40 / 1024 = 30, Bob 10.
        pool.DistributeReward(NextId(), Btc, 40).IsApplied.Should().BeTrue();
        (pool.GetPendingGain(Alice, Btc), pool.GetPendingGain(Bob, Btc)).Should().Be((30m, 10m));
        pool.TotalDeposits.Should().Be(1024);

        // 3 more, also exact. Alice ⌊768 · 3 / 1024⌋ = ⌊2.25⌋ = 2, Bob ⌊0.75⌋ = 0; 0.25 + 0.75 = 1 unit of dust.
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
