using System.Globalization;
using CascadeGuard.Auctions;
using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Engine;

/// <content>What comes back from the host: fills, cancels, auction takes, market activity.</content>
public sealed partial class CascadeGuardEngine
{
    private const long FillOperations = 1;
    private const long TakeOperations = 2;
    private const long ShortfallOperations = 3;

    /// <summary>
    /// Applies a fill of a sale instruction: the collateral leaves the account, the proceeds pay the liquidation penalty
    /// (split by the waterfall between the insurance fund, the pools and the platform) and then repay the settlement debt;
    /// anything beyond the debt is credited to the account in the settlement asset. Idempotent by fill id.
    /// </summary>
    /// <param name="fill">The fill.</param>
    /// <returns>Applied, applied late (the slice had expired or been cancelled), or duplicate (ignored).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The quantity or price is not finite and positive; nothing changes.</exception>
    /// <exception cref="FillRejectedException">Unknown instruction or over-fill; nothing changes.</exception>
    public FillOutcome ApplyFill(in FillReport fill)
    {
        var known = _scheduler.TryGetInstructionOwner(fill.Instruction, out var account, out var marketIndex);
        var outcome = _scheduler.ApplyFill(fill);
        if (outcome == FillOutcome.Duplicate || !known)
        {
            return outcome;
        }

        SettleSale(account, marketIndex, fill);
        Publish();
        return outcome;
    }

    /// <summary>Cancels a sale instruction; its unfilled quantity returns to the account's liquidation.</summary>
    /// <param name="instruction">The instruction.</param>
    /// <returns>Whether it was cancelled.</returns>
    public CancelOutcome Cancel(InstructionId instruction) => _scheduler.Cancel(instruction);

    /// <summary>
    /// A keeper takes from an auction: buys up to <paramref name="maxQuantity"/> at the current price if it is at most
    /// <paramref name="maxPrice"/>. The proceeds pay the penalty and repay the auctioned debt; collateral left when the debt
    /// is covered returns to the account; debt left when the collateral runs out goes down the loss waterfall. Idempotent by
    /// <paramref name="takeId"/>: repeating an id returns the first result and changes nothing.
    /// </summary>
    /// <param name="takeId">The host's unique id for this take.</param>
    /// <param name="auction">The auction.</param>
    /// <param name="maxQuantity">Most collateral units to buy; positive.</param>
    /// <param name="maxPrice">Highest acceptable price in settlement units; positive.</param>
    /// <returns>The take, or why it was refused (refusals change nothing).</returns>
    /// <exception cref="ArgumentException">An amount is invalid; nothing changes.</exception>
    public AuctionTakeResult TakeAuction(long takeId, AuctionId auction, decimal maxQuantity, decimal maxPrice)
    {
        if (_takes.TryGetValue(takeId, out var repeated))
        {
            return repeated;
        }

        if (!_auctions.TryGetAuction(auction, out var view))
        {
            return _auctions.Take(auction, maxQuantity, maxPrice);
        }

        var result = _auctions.Take(auction, maxQuantity, maxPrice);
        if (!result.Taken)
        {
            return result;
        }

        _takes.Add(takeId, result);
        var owner = view.Owner.Value;
        var penaltyRate = (decimal)(_table[view.Asset]?.LiquidationPenalty ?? 0.0);
        var penalty = MoneyConversion.RoundToQuantum(result.Paid * penaltyRate / (1 + penaltyRate), _options.SettlementQuantum, SolvencyRounding.Pay);
        if (penalty > 0)
        {
            Distributed(_waterfall.DistributePenalty(OperationFor(TakeOperations, takeId), view.Owner, MarketOf(view.Asset), penalty));
        }

        _counters.Penalties += penalty;
        _counters.DebtRepaid += (double)(result.Paid - penalty);
        if (result.ReturnedCollateral > 0)
        {
            var held = Held(view.Owner, view.Asset);
            _book.SetCollateral(view.Owner, view.Asset, held + (double)result.ReturnedCollateral);
            Rekey(owner);
        }

        if (result.Outcome != AuctionOutcome.Continuing)
        {
            _activeAuction[owner] = 0;
            _dirty.Add(owner);
        }

        _telemetry.AuctionTakes.Add(1);
        Publish();
        return result;
    }

    /// <summary>Adds market volume traded in a market (all participants), which the volume throttle's trailing-volume term reads.</summary>
    /// <param name="market">The market.</param>
    /// <param name="quantity">Units traded; finite, zero or positive.</param>
    /// <exception cref="ArgumentException">Unknown market or bad quantity; nothing changes.</exception>
    public void RecordTrades(MarketId market, double quantity) => _throttles[MarketIndex(market)].RecordMarketVolume(quantity);

    /// <summary>Reports a market's order-flow toxicity (for example from <see cref="Depth.VpinEstimator"/> over its trades).</summary>
    /// <param name="market">The market.</param>
    /// <param name="vpin">VPIN in [0, 1].</param>
    /// <exception cref="ArgumentException">Unknown market or VPIN out of range; nothing changes.</exception>
    public void ReportToxicity(MarketId market, double vpin)
    {
        var m = MarketIndex(market);
        Guard.InRange(vpin, 0.0, 1.0);
        _vpin[m] = vpin;
    }

    /// <summary>Reports network or venue congestion, normalised to [0, 1] (for example <see cref="Volatility.CongestionSignal"/>).</summary>
    /// <param name="congestion">The congestion signal in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Out of range; nothing changes.</exception>
    public void ReportCongestion(double congestion)
    {
        Guard.InRange(congestion, 0.0, 1.0);
        _congestion = congestion;
    }

    private int MarketIndex(MarketId market)
    {
        for (var m = 0; m < _markets.Length; m++)
        {
            if (_markets[m].Id == market)
            {
                return m;
            }
        }

        Guard.Throw(nameof(market), market.Value, "must name a market of the engine");
        return -1;
    }

    private MarketId MarketOf(AssetId asset)
    {
        var m = _definition.MarketIndexOfAsset[asset.Value];
        return m >= 0 ? _markets[m].Id : default;
    }

    private double Held(AccountId account, AssetId asset)
    {
        var n = _book.CopyCollateral(account, _collateralScratch);
        for (var i = 0; i < n; i++)
        {
            if (_collateralScratch[i].Asset == asset)
            {
                return _collateralScratch[i].Quantity;
            }
        }

        return 0;
    }

    private double Owed(AccountId account, AssetId asset)
    {
        var n = _book.CopyDebts(account, _debtScratch);
        for (var i = 0; i < n; i++)
        {
            if (_debtScratch[i].Asset == asset)
            {
                return _debtScratch[i].Amount;
            }
        }

        return 0;
    }

    /// <summary>Moves a sale's collateral out of the account and its proceeds to the penalty, the debt and the account.</summary>
    private void SettleSale(AccountId account, int marketIndex, in FillReport fill)
    {
        var market = _markets[marketIndex];
        var settlement = _definition.SettlementAsset;
        var held = Held(account, market.Collateral);
        _book.SetCollateral(account, market.Collateral, Math.Max(0, held - fill.Quantity));

        var proceeds = fill.Quantity * fill.Price;
        var penaltyRate = _table[market.Collateral]!.LiquidationPenalty;
        var penalty = MoneyConversion.ToMoney(proceeds * penaltyRate / (1 + penaltyRate), _options.SettlementQuantum, SolvencyRounding.Pay);
        if (penalty > 0)
        {
            Distributed(_waterfall.DistributePenalty(OperationFor(FillOperations, fill.FillId), account, market.Id, penalty));
        }

        var repayable = proceeds - (double)penalty;
        var owed = Owed(account, settlement);
        var repaid = Math.Min(repayable, owed);
        _book.SetDebt(account, settlement, owed - repaid);
        var surplus = repayable - repaid;
        if (surplus > 0)
        {
            _book.SetCollateral(account, settlement, Held(account, settlement) + surplus);
            Index(account.Value, settlement.Value);
        }

        Rekey(account.Value);
        _counters.CollateralSoldNotional += proceeds;
        _counters.DebtRepaid += repaid;
        _counters.Penalties += penalty;
        _dirty.Add(account.Value);
    }

    /// <summary>
    /// A penalty split is refused only for an amount off the quantum or a reused id, which the engine rules out by
    /// construction (amounts are rounded to the quantum, ids derive from unique fill and take ids): a refusal is a bug.
    /// </summary>
    private static void Distributed(PenaltySplit split)
    {
        if (split.Outcome == LedgerOutcome.Rejected)
        {
            throw new InvalidOperationException($"The loss waterfall refused a penalty split ({split.Rejection}); this is an engine invariant violation.");
        }
    }

    /// <summary>Starts an auction of an account's whole holding of one collateral for its settlement debt.</summary>
    private bool StartAuction(AccountId account, AssetId asset, double lot, double debtValue)
    {
        var settlement = _definition.SettlementAsset;
        var settlementPrice = _evaluatedPrices[settlement.Value];
        var quantityQuantum = Pow10(-_componentOptions.Auctions.QuantityDecimals);
        var lotAmount = MoneyConversion.ToMoney(lot, quantityQuantum, SolvencyRounding.Pay);
        var debt = MoneyConversion.ToMoney(debtValue / settlementPrice, Pow10(-_componentOptions.Auctions.MoneyDecimals), SolvencyRounding.Collect);
        var price = MoneyConversion.ToMoney(_evaluatedPrices[asset.Value] / settlementPrice, Pow10(-_componentOptions.Auctions.PriceDecimals), SolvencyRounding.Collect);
        if (lotAmount <= 0 || debt <= 0 || price <= 0)
        {
            return false;
        }

        var result = _auctions.Start(account, asset, lotAmount, debt, price);
        if (!result.Started)
        {
            return false;
        }

        // The auctioned collateral and the debt it raises (less its penalty) leave the account for the auction.
        var penaltyRate = _table[asset]!.LiquidationPenalty;
        var held = Held(account, asset);
        // Exactly the units the auction took leave the account: any dust below the auction's quantity precision stays.
        _book.SetCollateral(account, asset, Math.Max(0, held - (double)result.StartedLot));
        var owed = Owed(account, settlement);
        _book.SetDebt(account, settlement, result.UnstartedDebt == 0 ? 0 : Math.Max(0, owed - ((double)result.StartedDebt / (1 + penaltyRate))));
        _activeAuction[account.Value] = result.Auction.Value;
        Rekey(account.Value);
        _auctionsStarted.Add(new AuctionStarted(result.Auction, account, asset, result.StartedLot, result.StartedDebt, result.StartPrice));
        _counters.AuctionLiquidations++;
        _telemetry.AuctionsStarted.Add(1);
        EngineLog.AuctionStarted(_logger, result.Auction, account, result.StartedLot, asset, result.StartedDebt);
        return true;
    }

    /// <summary>Resets the auctions that ran too long or whose price fell too far, at the current oracle price.</summary>
    private void RestartAuctions()
    {
        if (_auctions.ActiveCount == 0)
        {
            return;
        }

        if (_auctionViews.Length < _auctions.ActiveCount)
        {
            _auctionViews = new AuctionView[Math.Max(_auctions.ActiveCount, 2 * _auctionViews.Length)];
        }

        var settlement = _definition.SettlementAsset.Value;
        var n = _auctions.CopyActiveAuctions(_auctionViews);
        for (var i = 0; i < n; i++)
        {
            var view = _auctionViews[i];
            if (!view.NeedsReset || !CanLiquidate(view.Asset.Value) || !CanLiquidate(settlement))
            {
                continue;
            }

            var price = MoneyConversion.ToMoney(_prices[view.Asset.Value] / _prices[settlement], Pow10(-_componentOptions.Auctions.PriceDecimals), SolvencyRounding.Collect);
            var reset = _auctions.Reset(view.Id, price);
            if (reset.Reset)
            {
                _auctionsRestarted.Add(new AuctionRestarted(view.Id, reset.StartPrice, reset.Incentive));
            }
        }
    }

    /// <summary>Runs an auction's shortfall down the loss waterfall. Called by the auction house inside a take, before it commits.</summary>
    private void AbsorbShortfall(in AuctionShortfall shortfall)
    {
        var debt = MoneyConversion.RoundToQuantum(shortfall.Debt, _options.SettlementQuantum, SolvencyRounding.Collect);
        var result = _waterfall.Absorb(new ShortfallRequest(OperationFor(ShortfallOperations, shortfall.Auction.Value), shortfall.Owner, MarketOf(shortfall.Asset), debt));
        if (result.Outcome == LedgerOutcome.Rejected)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The loss waterfall refused the shortfall of {shortfall.Auction}: {result.Rejection}."));
        }

        _absorptions.Add(new LossAbsorption(shortfall.Auction, shortfall.Owner, debt, result));
        var bad = result.BySocialization + result.Unabsorbed;
        _counters.BadDebt += bad;
        _telemetry.InsuranceCovered.Add((double)result.ByInsuranceFund);
        _telemetry.BufferAbsorbed.Add((double)result.ByBufferPools);
        _telemetry.BadDebt.Add((double)bad);
        EngineLog.ShortfallAbsorbed(_logger, shortfall.Auction, debt, result.ByInsuranceFund, result.ByBufferPools, result.BySocialization, result.Unabsorbed);
    }

    /// <summary>Moves the absorptions recorded since the last tick into the tick's output.</summary>
    private void PublishAbsorptions()
    {
        _absorptionsOut.Clear();
        foreach (var a in _absorptions.AsSpan())
        {
            _absorptionsOut.Add(a);
        }

        _absorptions.Clear();
    }

    /// <summary>A ledger operation id derived from the kind of operation and the host's or engine's own id, so repeats are idempotent.</summary>
    private static OperationId OperationFor(long kind, long value)
    {
        // SplitMix64's finaliser over (value, kind): a bijection of the value within a kind, so ids never repeat within one.
        var z = unchecked(((ulong)value * 0x9E3779B97F4A7C15UL) + ((ulong)kind * 0xD1B54A32D192ED03UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new OperationId(z == 0 ? 1 : unchecked((long)z));
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            result /= 10m;
        }

        return result;
    }
}
