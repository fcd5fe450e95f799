using System.Globalization;
using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Population;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// Everything a policy may do to the world, executed at once and reported back as fills ("decide, then the host
/// executes": here the simulator is the host). Each action moves exact amounts through the <see cref="Ledger"/> and
/// keeps the index and the metrics current. A bad request (unknown account, non-finite or negative size, penalty
/// outside [0, 1)) throws <see cref="ArgumentOutOfRangeException"/> and changes nothing.
/// </summary>
internal sealed class LiquidationActions
{
    private readonly Ledger _ledger;
    private readonly ImpactMarket _market;
    private readonly LiquidationIndex _index;
    private readonly RunRecorder _recorder;

    internal LiquidationActions(Ledger ledger, ImpactMarket market, LiquidationIndex index, RunRecorder recorder)
    {
        _ledger = ledger;
        _market = market;
        _index = index;
        _recorder = recorder;
    }

    /// <summary>
    /// Sells up to <paramref name="units"/> of the account's collateral on the book (all of it when the request reaches
    /// its holding), no lower than <paramref name="limitPrice"/> (0: at market). The proceeds repay debt and pay the
    /// penalty, <paramref name="penaltyRate"/> per unit repaid, to the keeper — or to <paramref name="penaltyTo"/> when it
    /// is given (a platform whose own executor sells keeps the penalty); the borrower bears the slippage. The split follows
    /// <paramref name="rule"/>.
    /// </summary>
    public SaleResult Sell(int account, double units, double penaltyRate, double limitPrice = 0, Counterparty? penaltyTo = null, SettlementRule rule = SettlementRule.Protocol)
    {
        CheckAccount(account);
        Guard.FiniteNonNegative(units);
        CheckPenalty(penaltyRate);
        Guard.FiniteNonNegative(limitPrice);
        if (penaltyTo is { } party)
        {
            CheckParty(party);
        }

        CheckRule(rule);
        var offered = Money.UnitsToTake(units, _ledger.ExactCollateral(account));
        if (offered <= 0m)
        {
            return new SaleResult(Settlement.None, _market.Mid);
        }

        var fill = _market.Sell((double)offered, limitPrice);
        var filled = Money.UnitsFilled(fill.Units, offered);
        if (filled <= 0m)
        {
            return new SaleResult(Settlement.None, fill.AveragePrice);
        }

        var settlement = _ledger.Take(account, filled, Money.Proceeds(filled, fill.AveragePrice), (decimal)penaltyRate, null, penaltyTo, rule);
        Record(account, settlement, fill.AveragePrice, null);
        return new SaleResult(settlement, fill.AveragePrice);
    }

    /// <summary>
    /// Transfers up to <paramref name="units"/> of the account's collateral off the book to <paramref name="buyer"/> at
    /// <paramref name="pricePerUnit"/> (an auction taker's bid, a buffer pool's discounted price); settled like a sale.
    /// </summary>
    public SaleResult Transfer(int account, double units, double pricePerUnit, double penaltyRate, Counterparty buyer)
    {
        CheckAccount(account);
        Guard.FiniteNonNegative(units);
        Guard.FinitePositive(pricePerUnit);
        CheckPenalty(penaltyRate);
        CheckParty(buyer);
        var taken = Money.UnitsToTake(units, _ledger.ExactCollateral(account));
        if (taken <= 0m)
        {
            return new SaleResult(Settlement.None, pricePerUnit);
        }

        var settlement = _ledger.Take(account, taken, Money.Proceeds(taken, pricePerUnit), (decimal)penaltyRate, buyer);
        Record(account, settlement, pricePerUnit, buyer);
        return new SaleResult(settlement, pricePerUnit);
    }

    /// <summary>
    /// Transfers exactly <paramref name="units"/> of the account's collateral off the book to <paramref name="buyer"/>
    /// for exactly <paramref name="proceeds"/>: amounts fixed elsewhere to the last unit (an auction house's take), on
    /// the ledger's grids (collateral to 10⁻⁹, the debt asset to 10⁻⁶). Settled like a sale, except that the penalty goes
    /// to <paramref name="penaltyTo"/> when it is given (a protocol that keeps the penalty, as MakerDAO's surplus buffer
    /// does) instead of to the keepers. The split follows <paramref name="rule"/>.
    /// </summary>
    public SaleResult TransferExact(int account, decimal units, decimal proceeds, double penaltyRate, Counterparty buyer, Counterparty? penaltyTo, SettlementRule rule = SettlementRule.Protocol)
    {
        CheckAccount(account);
        Guard.Positive(units);
        Guard.DecimalPlaces(units, AccountPopulation.CollateralDecimals);
        if (units > _ledger.ExactCollateral(account))
        {
            Guard.Throw(nameof(units), units, string.Create(CultureInfo.InvariantCulture, $"must not exceed the {_ledger.ExactCollateral(account)} units account {account} holds"));
        }

        Guard.NonNegative(proceeds);
        Guard.DecimalPlaces(proceeds, AccountPopulation.DebtDecimals);
        CheckPenalty(penaltyRate);
        CheckParty(buyer);
        if (penaltyTo is { } party)
        {
            CheckParty(party);
        }

        CheckRule(rule);
        var price = (double)(proceeds / units);
        var settlement = _ledger.Take(account, units, proceeds, (decimal)penaltyRate, buyer, penaltyTo, rule);
        Record(account, settlement, price, buyer);
        return new SaleResult(settlement, price);
    }

    /// <summary>
    /// <paramref name="payer"/> pays keepers an incentive of exactly <paramref name="amount"/> (an auction system's flat
    /// and proportional rewards for starting and resetting auctions); it counts in the keeper-incentive metric.
    /// </summary>
    public void PayIncentive(decimal amount, Counterparty payer)
    {
        Guard.NonNegative(amount);
        Guard.DecimalPlaces(amount, AccountPopulation.DebtDecimals);
        CheckParty(payer);
        _ledger.PayIncentive(payer, amount);
    }

    /// <summary>The party's balance of the debt asset (negative: it has paid out more than it received).</summary>
    public decimal Balance(Counterparty party)
    {
        CheckParty(party);
        return _ledger.CounterpartyStable(party);
    }

    /// <summary>A counterparty sells collateral it holds (from transfers) on the book.</summary>
    public MarketFill SellHeld(Counterparty seller, double units, double limitPrice = 0)
    {
        CheckParty(seller);
        Guard.FiniteNonNegative(units);
        Guard.FiniteNonNegative(limitPrice);
        var offered = Money.UnitsToTake(units, _ledger.CounterpartyCollateral(seller));
        if (offered <= 0m)
        {
            var mid = _market.Mid;
            return new MarketFill(0, mid, mid, mid);
        }

        var fill = _market.Sell((double)offered, limitPrice);
        var filled = Money.UnitsFilled(fill.Units, offered);
        if (filled > 0m)
        {
            _ledger.CounterpartySale(seller, filled, Money.Proceeds(filled, fill.AveragePrice));
        }

        return fill with { Units = (double)filled };
    }

    /// <summary><paramref name="payer"/> pays down up to <paramref name="amount"/> of the account's debt. Returns what was paid.</summary>
    public decimal Cover(int account, double amount, Counterparty payer)
    {
        Guard.FiniteNonNegative(amount);
        return CoverExact(account, Money.Amount(amount), payer);
    }

    /// <summary><paramref name="payer"/> pays down up to exactly <paramref name="amount"/> (on the 10⁻⁶ grid) of the account's debt. Returns what was paid.</summary>
    public decimal CoverExact(int account, decimal amount, Counterparty payer)
    {
        CheckAccount(account);
        Guard.NonNegative(amount);
        Guard.DecimalPlaces(amount, AccountPopulation.DebtDecimals);
        CheckParty(payer);
        var wasBadDebt = _ledger.ExactCollateral(account) == 0m;
        var paid = _ledger.Cover(account, amount, payer);
        if (paid > 0m)
        {
            _recorder.Covered((double)paid, payer, wasBadDebt);
            _index.Touched(account);
        }

        return paid;
    }

    private void Record(int account, in Settlement settlement, double averagePrice, Counterparty? buyer)
    {
        _recorder.Taken(account, settlement, averagePrice, buyer);
        if (settlement.LeftBadDebt)
        {
            _recorder.BadDebtRealized(_ledger.Debt(account));
        }

        _index.Touched(account);
    }

    private void CheckAccount(int account)
    {
        if ((uint)account >= (uint)_ledger.Count)
        {
            Guard.Throw(nameof(account), account, string.Create(CultureInfo.InvariantCulture, $"must be an account id in [0, {_ledger.Count})"));
        }
    }

    private static void CheckPenalty(double penaltyRate)
    {
        if (!double.IsFinite(penaltyRate) || penaltyRate < 0 || penaltyRate >= 1)
        {
            Guard.Throw(nameof(penaltyRate), penaltyRate, "must be finite and in [0, 1)");
        }
    }

    private static void CheckRule(SettlementRule rule)
    {
        if (rule is not (SettlementRule.Protocol or SettlementRule.Engine))
        {
            Guard.Throw(nameof(rule), rule, "must be a defined settlement rule");
        }
    }

    private static void CheckParty(Counterparty party)
    {
        if (party is < Counterparty.AuctionTakers or > Counterparty.InsuranceFund)
        {
            Guard.Throw(nameof(party), party, "must be a defined counterparty");
        }
    }
}
