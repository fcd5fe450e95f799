namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>
/// A full reckoning of a <see cref="BufferPool"/> (O(depositors); for reports and tests, not the hot path): what the
/// depositors can withdraw and claim against what the pool holds, and the dust left by rounding in the pool's favour.
/// </summary>
public sealed class BufferPoolAudit
{
    internal BufferPoolAudit(decimal totalDeposits, decimal sumOfDeposits, int depositors, IReadOnlyList<BufferPoolAssetAudit> assets)
    {
        TotalDeposits = totalDeposits;
        SumOfDeposits = sumOfDeposits;
        Depositors = depositors;
        Assets = assets;
    }

    /// <summary>The pool's deposit balance.</summary>
    public decimal TotalDeposits { get; }

    /// <summary>The sum of every depositor's compounded deposit; never more than <see cref="TotalDeposits"/>.</summary>
    public decimal SumOfDeposits { get; }

    /// <summary>Deposits that belong to no depositor because each depositor's share was rounded down (stays in the pool).</summary>
    public decimal DepositDust => TotalDeposits - SumOfDeposits;

    /// <summary>Depositors with a deposit or an unclaimed gain.</summary>
    public int Depositors { get; }

    /// <summary>One line per gain asset, in the order of <see cref="BufferPoolOptions.GainAssets"/>.</summary>
    public IReadOnlyList<BufferPoolAssetAudit> Assets { get; }
}
