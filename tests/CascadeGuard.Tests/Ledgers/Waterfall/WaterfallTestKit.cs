using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Primitives;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.Waterfall;

/// <summary>A fund, one pool set and a waterfall over them, all in whole USD units.</summary>
internal sealed class WaterfallRig
{
    public static readonly MarketId M1 = new(1);

    public WaterfallRig(FinalLossPolicy policy = FinalLossPolicy.Socialize, decimal floor = 100m, decimal cap = 10_000m, decimal minimum = 100m)
    {
        FundOptions = new InsuranceFundOptions { Asset = Usd, Quantum = 1m, Floor = floor, Cap = cap };
        var pool = new BufferPoolOptions { Name = "shared", DebtAsset = Usd, DebtQuantum = 1m, MinimumBalance = minimum };
        pool.GainAssets.Add(new PoolAsset(Eth, 1m));
        pool.GainAssets.Add(new PoolAsset(Usd, 1m));
        PoolOptions = [pool];
        Options = new LossWaterfallOptions { FinalPolicy = policy, PenaltyInsuranceShare = 0.5m, PenaltyPoolShare = 0.3m };
        Fund = new InsuranceFund(FundOptions, Clock());
        Pools = new BufferPoolSet(PoolOptions, Clock());
        Waterfall = new LossWaterfall(Options, Fund, Pools, Clock());
    }

    public InsuranceFundOptions FundOptions { get; }

    public BufferPoolOptions[] PoolOptions { get; }

    public LossWaterfallOptions Options { get; }

    public InsuranceFund Fund { get; }

    public BufferPoolSet Pools { get; }

    public LossWaterfall Waterfall { get; }

    public BufferPool Pool => Pools.Pools[0];

    /// <summary>Everything, as text: equal strings mean equal ledgers.</summary>
    public string State => Fund.SaveSnapshot() + Pools.SaveSnapshot() + Waterfall.SaveSnapshot();

    /// <summary>Rebuilds fund, pools and waterfall from their journals alone.</summary>
    public string Replayed()
    {
        var fund = InsuranceFund.Replay(FundOptions, InsuranceFund.ReadJournal(InsuranceFund.WriteJournal(Fund.Journal)));
        var pools = BufferPoolSet.Replay(PoolOptions, Pools.Journal, [.. Pools.Pools.Select(p => p.Journal)]);
        var waterfall = LossWaterfall.Replay(Options, fund, pools, LossWaterfall.ReadJournal(LossWaterfall.WriteJournal(Waterfall.Journal)));
        return fund.SaveSnapshot() + pools.SaveSnapshot() + waterfall.SaveSnapshot();
    }
}
