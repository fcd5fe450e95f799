using CascadeGuard.Simulation.Accounts;

namespace CascadeGuard.Simulation.Runs;

/// <summary>Accumulates one world's metrics as the actions happen. Not thread-safe.</summary>
internal sealed class RunRecorder(int accounts, double nearZeroFraction)
{
    private readonly bool[] _liquidated = new bool[accounts];

    public int AccountsLiquidated { get; private set; }

    public long Liquidations { get; private set; }

    public double CollateralSold { get; private set; }

    public double Proceeds { get; private set; }

    public double BorrowerLoss { get; private set; }

    public double NearZeroUnits { get; private set; }

    public double PoolAbsorption { get; private set; }

    public double InsuranceAbsorption { get; private set; }

    /// <summary>Debt of accounts left with no collateral, as it happens (cover payments later reduce it).</summary>
    public double RealizedBadDebt { get; private set; }

    /// <summary>Collateral units taken from accounts in the current step.</summary>
    public double StepVolume { get; private set; }

    /// <summary>Liquidation events in the current step.</summary>
    public int StepLiquidations { get; private set; }

    /// <summary>The exogenous price of the current step (for "near-zero" sales).</summary>
    public double ExogenousPrice { get; set; }

    public bool WasLiquidated(int account) => _liquidated[account];

    public void BeginStep()
    {
        StepVolume = 0;
        StepLiquidations = 0;
    }

    /// <summary>
    /// Collateral taken from an account. What the borrower gave up is valued at the exogenous price — what the collateral
    /// would fetch with no liquidation flow — so the loss counts the penalty, the sale's own slippage and the depression
    /// that all liquidations together put on the price.
    /// </summary>
    public void Taken(int account, in Settlement s, double averagePrice, Counterparty? buyer)
    {
        if (!_liquidated[account])
        {
            _liquidated[account] = true;
            AccountsLiquidated++;
        }

        Liquidations++;
        StepLiquidations++;
        var units = (double)s.Units;
        CollateralSold += units;
        StepVolume += units;
        Proceeds += (double)s.Proceeds;

        // Penalty + slippage: the collateral at the exogenous price, less what came back as debt repaid and refund.
        BorrowerLoss += (units * ExogenousPrice) - (double)(s.Repaid + s.Refund);
        if (averagePrice <= nearZeroFraction * ExogenousPrice)
        {
            NearZeroUnits += units;
        }

        if (buyer == Counterparty.BufferPool)
        {
            PoolAbsorption += (double)s.Repaid;
        }
    }

    public void BadDebtRealized(double debt) => RealizedBadDebt += debt;

    public void Covered(double amount, Counterparty payer, bool wasBadDebt)
    {
        if (payer == Counterparty.InsuranceFund)
        {
            InsuranceAbsorption += amount;
        }
        else if (payer == Counterparty.BufferPool)
        {
            PoolAbsorption += amount;
        }

        if (wasBadDebt)
        {
            RealizedBadDebt -= amount;
        }
    }
}
