using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Ledgers.BufferPools;

/// <summary>Small builders shared by the buffer pool tests.</summary>
internal static class PoolTestKit
{
    public static readonly AssetId Usd = new(0);
    public static readonly AssetId Eth = new(1);
    public static readonly AssetId Btc = new(2);
    public static readonly AccountId Alice = new(0);
    public static readonly AccountId Bob = new(1);
    public static readonly AccountId Carol = new(2);
    public static readonly AccountId Dave = new(3);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Whole-unit pool (every quantum 1) with ETH and BTC as gain assets.</summary>
    public static BufferPoolOptions UnitOptions(decimal minimum = 1m, string name = "unit")
    {
        var o = new BufferPoolOptions { Name = name, DebtAsset = Usd, DebtQuantum = 1m, MinimumBalance = minimum };
        o.GainAssets.Add(new PoolAsset(Eth, 1m));
        o.GainAssets.Add(new PoolAsset(Btc, 1m));
        return o;
    }

    public static BufferPool UnitPool(decimal minimum = 1m) => new(UnitOptions(minimum), Clock());

    // Far above the step-index ids the scenarios use, so the two never collide.
    private static long s_next = 1L << 40;

    public static OperationId NextId() => new(Interlocked.Increment(ref s_next));

    public static LedgerReceipt Deposit(this BufferPool pool, AccountId who, decimal amount) => pool.Deposit(NextId(), who, amount);

    public static LedgerReceipt Withdraw(this BufferPool pool, AccountId who, decimal amount) => pool.Withdraw(NextId(), who, amount);

    public static LedgerReceipt Claim(this BufferPool pool, AccountId who, AssetId asset) => pool.Claim(NextId(), who, asset);

    public static LedgerReceipt Offset(this BufferPool pool, decimal debt, decimal eth = 0m, decimal btc = 0m) =>
        pool.Offset(NextId(), debt, [new AssetAmount(Eth, eth), new AssetAmount(Btc, btc)]);

    /// <summary>The whole state as text: equal snapshots mean equal pools.</summary>
    public static string State(this BufferPool pool) => pool.SaveSnapshot();
}
