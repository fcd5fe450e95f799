using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Ledgers;

/// <summary>The host example of docs/buffer-pools.md, compiled and run so the page cannot drift from the API.</summary>
public class DocsExampleTests
{
    [Fact]
    public void Host_example_from_the_docs()
    {
        // --- begin docs example ---
        var usd = new AssetId(0);
        var eth = new AssetId(1);
        var ethUsd = new MarketId(7);

        var poolOptions = new BufferPoolOptions { Name = "eth-usd", DebtAsset = usd, DebtQuantum = 0.01m, MinimumBalance = 100m };
        poolOptions.GainAssets.Add(new PoolAsset(eth, 0.00000001m)); // liquidated collateral
        poolOptions.GainAssets.Add(new PoolAsset(usd, 0.01m)); // penalty rewards
        poolOptions.Markets.Add(ethUsd);
        var pools = new BufferPoolSet([poolOptions]);
        var fund = new InsuranceFund(new InsuranceFundOptions { Asset = usd, Quantum = 0.01m, Floor = 1_000m, Cap = 5_000_000m });
        var waterfall = new LossWaterfall(new LossWaterfallOptions { FinalPolicy = FinalLossPolicy.Socialize }, fund, pools);

        // Depositors fund the pool; the platform seeds the insurance fund.
        pools.Pools[0].Deposit(new OperationId(1), new AccountId(100), 250_000m);
        fund.Contribute(new OperationId(2), 20_000m, InsuranceInflow.Contribution);

        // The scheduler could not sell account 42's 10 ETH above its 21,000 USD debt: hand it to the pools.
        ILiquidationAbsorber absorber = pools;
        Span<decimal> taken = stackalloc decimal[1];
        var absorbed = absorber.Absorb(new AbsorptionRequest(new OperationId(3), ethUsd, new AccountId(42), usd, 21_000m, [new AssetAmount(eth, 10m)]), taken);
        // absorbed.DebtAbsorbed == 21_000, taken[0] == 10 ETH, now owed pro rata to the depositors.

        // Another liquidation sold for less than its debt: run the 3,500 USD shortfall down the waterfall.
        var result = waterfall.Absorb(new ShortfallRequest(new OperationId(4), new AccountId(43), ethUsd, 3_500m, accountCollateral: 500m, penalty: 200m));
        // 500 account collateral + 200 waived penalty + 2,800 insurance fund = 3,500; nothing reaches the pools.

        // Penalties of healthy liquidations feed the fund and reward depositors.
        var split = waterfall.DistributePenalty(new OperationId(5), new AccountId(44), ethUsd, 1_000m);
        // split: 500 to the fund, 300 to the pool's depositors, 200 retained.
        // --- end docs example ---

        (absorbed.DebtAbsorbed, taken[0]).Should().Be((21_000m, 10m));
        (result.ByAccountCollateral, result.ByPenalty, result.ByInsuranceFund, result.ByBufferPools).Should().Be((500m, 200m, 2_800m, 0m));
        (split.ToInsuranceFund, split.ToBufferPools, split.Retained).Should().Be((500m, 300m, 200m));
        pools.Pools[0].GetPendingGain(new AccountId(100), eth).Should().Be(10m);
        pools.Pools[0].GetPendingGain(new AccountId(100), usd).Should().Be(300m);
    }
}
