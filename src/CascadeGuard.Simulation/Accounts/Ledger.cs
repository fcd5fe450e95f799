using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Population;

namespace CascadeGuard.Simulation.Accounts;

/// <summary>
/// The exact books of one simulated world. Every account's collateral and debt, and every other party's holdings of
/// the collateral and the debt asset, are <see cref="decimal"/>; each operation moves the same amount out of one party
/// and into another, so the totals are conserved to the last unit (<see cref="CheckConservation"/>). Double mirrors of
/// each account and its liquidation price serve the risk math. Not thread-safe.
/// </summary>
internal sealed class Ledger
{
    private readonly decimal[] _collateral;
    private readonly decimal[] _debt;
    private readonly decimal[] _cash;
    private readonly double[] _collateralValue;
    private readonly double[] _debtValue;
    private readonly double[] _trigger;
    private readonly decimal[] _counterpartyCollateral = new decimal[3];
    private readonly decimal[] _counterpartyStable = new decimal[3];
    private readonly double _threshold;

    public Ledger(AccountPopulation population, double liquidationThreshold)
    {
        Guard.NotNull(population);
        Guard.InHalfOpenRange(liquidationThreshold, 0, 1);
        _threshold = liquidationThreshold;
        _collateral = (decimal[])population.Collateral.Clone();
        _debt = (decimal[])population.Debt.Clone();
        var n = _debt.Length;
        _cash = new decimal[n];
        _collateralValue = new double[n];
        _debtValue = new double[n];
        _trigger = new double[n];
        for (var i = 0; i < n; i++)
        {
            InitialCollateral += _collateral[i];
            InitialDebt += _debt[i];
            Refresh(i);
        }
    }

    public int Count => _debt.Length;

    public decimal InitialCollateral { get; }

    public decimal InitialDebt { get; }

    /// <summary>Collateral bought by the order book's bidders.</summary>
    public decimal MarketCollateral { get; private set; }

    /// <summary>Debt asset paid by the order book's bidders (they start at zero, so this is their balance, negated).</summary>
    public decimal MarketPaid { get; private set; }

    /// <summary>Debt repaid to the lender.</summary>
    public decimal Repaid { get; private set; }

    /// <summary>Penalties paid to keepers.</summary>
    public decimal KeeperIncentives { get; private set; }

    /// <summary>Refunds paid to borrowers whose debt was repaid in full, all accounts together.</summary>
    public decimal Refunds { get; private set; }

    /// <summary>
    /// Each account's liquidation price of the collateral in the debt asset: liquidatable when the oracle ratio
    /// (collateral over debt) is at or below it. The indexes read the array directly; only the ledger writes it.
    /// </summary>
    public double[] Triggers => _trigger;

    public double Collateral(int account) => _collateralValue[account];

    public double Debt(int account) => _debtValue[account];

    public decimal ExactCollateral(int account) => _collateral[account];

    public decimal ExactDebt(int account) => _debt[account];

    public decimal Cash(int account) => _cash[account];

    /// <summary>Holds collateral and owes debt: can be liquidated.</summary>
    /// <remarks>Read from the double mirrors (a positive decimal converts to a positive double): the indexes call this for
    /// every listed account every step.</remarks>
    public bool IsOpen(int account) => _collateralValue[account] > 0 && _debtValue[account] > 0;

    public decimal CounterpartyCollateral(Counterparty party) => _counterpartyCollateral[(int)party];

    /// <summary>The party's balance of the debt asset (negative: it has paid out more than it received).</summary>
    public decimal CounterpartyStable(Counterparty party) => _counterpartyStable[(int)party];

    /// <summary>
    /// Takes <paramref name="units"/> of an account's collateral for <paramref name="proceeds"/> paid by the order book
    /// (<paramref name="buyer"/> null) or a counterparty, and settles: the proceeds repay debt and the penalty
    /// (<c>repaid·(1 + penalty) ≤ proceeds</c>, repaid rounded down), and once the debt is repaid in full the penalty is
    /// capped at <c>debt × penalty</c> (rounded up) and the rest is refunded to the borrower. The penalty goes to the
    /// keepers (<paramref name="penaltyTo"/> null) or to a counterparty that keeps it for the protocol (an auction
    /// system's surplus buffer). <paramref name="rule"/> <see cref="SettlementRule.Engine"/> splits as CascadeGuard's engine does.
    /// </summary>
    public Settlement Take(int account, decimal units, decimal proceeds, decimal penaltyRate, Counterparty? buyer, Counterparty? penaltyTo = null, SettlementRule rule = SettlementRule.Protocol)
    {
        if (units <= 0m || units > _collateral[account] || proceeds < 0m || penaltyRate < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, $"Cannot take {units} units for {proceeds} from account {account} holding {_collateral[account]}.");
        }

        var debt = _debt[account];
        var factor = 1m + penaltyRate;
        var covers = decimal.Round(proceeds / factor, AccountPopulation.DebtDecimals, MidpointRounding.ToZero);
        decimal repaid, penalty, refund;
        if (rule == SettlementRule.Engine)
        {
            penalty = decimal.Round(proceeds * penaltyRate / factor, AccountPopulation.DebtDecimals, MidpointRounding.ToZero);
            repaid = Math.Min(proceeds - penalty, debt);
            refund = proceeds - penalty - repaid;
        }
        else if (covers >= debt)
        {
            repaid = debt;
            penalty = Math.Min(proceeds - debt, decimal.Round(debt * penaltyRate, AccountPopulation.DebtDecimals, MidpointRounding.ToPositiveInfinity));
            refund = proceeds - debt - penalty;
        }
        else
        {
            repaid = covers;
            penalty = proceeds - covers;
            refund = 0m;
        }

        _collateral[account] -= units;
        _debt[account] -= repaid;
        _cash[account] += refund;
        Repaid += repaid;
        if (penaltyTo is { } keeper)
        {
            _counterpartyStable[(int)keeper] += penalty;
        }
        else
        {
            KeeperIncentives += penalty;
        }

        Refunds += refund;
        if (buyer is { } party)
        {
            _counterpartyCollateral[(int)party] += units;
            _counterpartyStable[(int)party] -= proceeds;
        }
        else
        {
            MarketCollateral += units;
            MarketPaid += proceeds;
        }

        Refresh(account);
        return new Settlement(units, proceeds, repaid, penalty, refund, _collateral[account] == 0m && _debt[account] > 0m);
    }

    /// <summary>A counterparty pays down an account's debt (at most what it owes). Returns the amount paid.</summary>
    public decimal Cover(int account, decimal amount, Counterparty payer)
    {
        var paid = Math.Min(amount, _debt[account]);
        if (paid <= 0m)
        {
            return 0m;
        }

        _debt[account] -= paid;
        Repaid += paid;
        _counterpartyStable[(int)payer] -= paid;
        Refresh(account);
        return paid;
    }

    /// <summary>A counterparty pays keepers an incentive (an auction system's tip and chip) out of its own balance.</summary>
    public void PayIncentive(Counterparty payer, decimal amount)
    {
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"An incentive must be zero or positive; was {amount}.");
        }

        _counterpartyStable[(int)payer] -= amount;
        KeeperIncentives += amount;
    }

    /// <summary>A counterparty sells collateral it holds to the order book for <paramref name="proceeds"/>.</summary>
    public void CounterpartySale(Counterparty seller, decimal units, decimal proceeds)
    {
        if (units <= 0m || units > _counterpartyCollateral[(int)seller] || proceeds < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, $"{seller} holds {_counterpartyCollateral[(int)seller]} units; cannot sell {units} for {proceeds}.");
        }

        _counterpartyCollateral[(int)seller] -= units;
        _counterpartyStable[(int)seller] += proceeds;
        MarketCollateral += units;
        MarketPaid += proceeds;
    }

    /// <summary>
    /// The three conserved totals' errors, each exactly zero in a correct ledger: collateral (accounts + book bidders +
    /// counterparties − initial), debt (outstanding + repaid − initial), and the debt asset held by everyone (bidders,
    /// lender, keepers, borrowers' refunds, counterparties: a closed system that starts at zero).
    /// </summary>
    public (decimal Collateral, decimal Debt, decimal Stable) CheckConservation()
    {
        decimal collateral = 0m, debt = 0m, cash = 0m;
        for (var i = 0; i < _debt.Length; i++)
        {
            collateral += _collateral[i];
            debt += _debt[i];
            cash += _cash[i];
        }

        decimal partyCollateral = 0m, partyStable = 0m;
        for (var p = 0; p < _counterpartyCollateral.Length; p++)
        {
            partyCollateral += _counterpartyCollateral[p];
            partyStable += _counterpartyStable[p];
        }

        return (
            collateral + MarketCollateral + partyCollateral - InitialCollateral,
            debt + Repaid - InitialDebt,
            -MarketPaid + Repaid + KeeperIncentives + cash + partyStable);
    }

    private void Refresh(int account)
    {
        var q = (double)_collateral[account];
        var d = (double)_debt[account];
        _collateralValue[account] = q;
        _debtValue[account] = d;

        // p* = d / (q·LT): the collateral price (in the debt asset) at which HF = q·p·LT / d reaches 1.
        _trigger[account] = d <= 0 ? 0 : q <= 0 ? double.PositiveInfinity : d / (q * _threshold);
    }
}
