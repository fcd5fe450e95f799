using System.Globalization;
using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
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
    /// keeper <paramref name="penaltyRate"/> per unit repaid; the borrower bears the slippage.
    /// </summary>
    public SaleResult Sell(int account, double units, double penaltyRate, double limitPrice = 0)
    {
        CheckAccount(account);
        Guard.FiniteNonNegative(units);
        CheckPenalty(penaltyRate);
        Guard.FiniteNonNegative(limitPrice);
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

        var settlement = _ledger.Take(account, filled, Money.Proceeds(filled, fill.AveragePrice), (decimal)penaltyRate, null);
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
        CheckAccount(account);
        Guard.FiniteNonNegative(amount);
        CheckParty(payer);
        var wasBadDebt = _ledger.ExactCollateral(account) == 0m;
        var paid = _ledger.Cover(account, Money.Amount(amount), payer);
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

    private static void CheckParty(Counterparty party)
    {
        if (party is < Counterparty.AuctionTakers or > Counterparty.InsuranceFund)
        {
            Guard.Throw(nameof(party), party, "must be a defined counterparty");
        }
    }
}
