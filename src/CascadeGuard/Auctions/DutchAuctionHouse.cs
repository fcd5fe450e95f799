using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

/// <summary>
/// Dutch auctions of liquidated collateral: start (kick), take, reset (redo), keeper incentives, debt-in-auction limits,
/// stop levels and settlement of proceeds against debt, after the MakerDAO Liquidations 2.0 <c>Clipper</c> and <c>Dog</c>.
/// </summary>
/// <remarks>
/// <para>Money and collateral are <see cref="decimal"/> and conserved exactly (see <see cref="AuctionAssetTotals"/>):
/// every quantity × price product is exact (the options bound the decimal places, <see cref="Start"/> bounds the sizes),
/// and every rounding favours the platform — prices and payments round up, collateral given and incentives round down.</para>
/// <para>Boundaries: an auction needs a reset when its age is strictly greater than <see cref="DutchAuctionOptions.MaxDuration"/>
/// or its price is strictly below <see cref="DutchAuctionOptions.ResetPriceFraction"/> × the oracle price it started at;
/// a take is allowed at a price equal to the buyer's maximum; a partial take may leave exactly
/// <see cref="DutchAuctionOptions.MinimumDebt"/>; the reset incentive is paid when debt and lot value are each at least the
/// minimum; an auction may fill a limit exactly.</para>
/// <para>Commands validate everything before changing anything: bad input throws an <see cref="ArgumentException"/> and a
/// refusal returns a result, both leaving the state as it was. Not thread-safe: one writer at a time.</para>
/// </remarks>
public sealed partial class DutchAuctionHouse
{
    private readonly DutchAuctionOptions _options;
    private readonly TimeProvider _time;
    private readonly IAuctionShortfallSink _sink;
    private readonly SortedDictionary<long, AuctionState> _active = [];
    // A Dictionary, not a sorted one: statistics enumerate it every tick, and a sorted dictionary's enumerator allocates.
    private readonly Dictionary<int, AuctionAssetTotals> _totals = [];
    private readonly decimal _quantityUnit;
    private readonly decimal _exactProductLimit;
    private long _nextId = 1;
    private long _starts;
    private long _takes;
    private long _resets;
    private decimal _debtInAuction;
    private AuctionStopLevel _stopLevel;

    /// <summary>Creates an empty house.</summary>
    /// <param name="options">Settings; validated and copied.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="shortfallSink">Receives debt left when an auction's collateral runs out (<see cref="ShortfallTally"/> when no
    /// buffer pool is wired).</param>
    /// <exception cref="ArgumentException">An argument is null or the options are invalid.</exception>
    public DutchAuctionHouse(DutchAuctionOptions options, TimeProvider timeProvider, IAuctionShortfallSink shortfallSink)
    {
        Guard.NotNull(options);
        Guard.NotNull(timeProvider);
        Guard.NotNull(shortfallSink);
        options.Validate();
        _options = options.Clone();
        _time = timeProvider;
        _sink = shortfallSink;
        _quantityUnit = Unit(_options.QuantityDecimals);
        _exactProductLimit = ExactDecimal.DecimalPow10(28 - _options.QuantityDecimals - _options.PriceDecimals);
    }

    /// <summary>What the host has stopped.</summary>
    public AuctionStopLevel StopLevel => _stopLevel;

    /// <summary>Auctions running.</summary>
    public int ActiveCount => _active.Count;

    /// <summary>Debt in running auctions, over all assets.</summary>
    public decimal DebtInAuction => _debtInAuction;

    /// <summary>Sets what is stopped; lowering it resumes existing auctions where they were.</summary>
    /// <param name="level">The new level.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level.</exception>
    public void SetStopLevel(AuctionStopLevel level)
    {
        if (level > AuctionStopLevel.NoTakes)
        {
            Guard.Throw(nameof(level), level, "must be a defined AuctionStopLevel");
        }

        _stopLevel = level;
    }

    /// <summary>
    /// Starts an auction of <paramref name="lot"/> to raise <paramref name="debt"/>, priced from
    /// <paramref name="oraclePrice"/> × the start buffer. When the limits leave room for only part of the debt, that part
    /// starts with the same share of the lot, provided neither part is below the minimum debt; the rest is returned
    /// unstarted.
    /// </summary>
    /// <param name="owner">The account whose collateral is sold; left-over collateral goes back to it.</param>
    /// <param name="asset">The collateral asset.</param>
    /// <param name="lot">Collateral to sell: positive, at most <see cref="DutchAuctionOptions.QuantityDecimals"/> places.</param>
    /// <param name="debt">Debt to raise (penalty included): positive, at most <see cref="DutchAuctionOptions.MoneyDecimals"/> places.</param>
    /// <param name="oraclePrice">The asset's oracle price, positive.</param>
    /// <returns>The auction started, or why none did.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An amount is out of range, or lot × start price is too large to stay exact.</exception>
    public AuctionStartResult Start(AccountId owner, AssetId asset, decimal lot, decimal debt, decimal oraclePrice)
    {
        CheckQuantity(lot);
        CheckMoney(debt);
        Guard.Positive(oraclePrice);
        var (startPrice, floorPrice) = Prices(oraclePrice);
        CheckExact(lot, startPrice, nameof(lot));

        var refused = new AuctionStartResult(AuctionRefusal.None, default, 0m, 0m, lot, debt, startPrice, 0m);
        if (_stopLevel >= AuctionStopLevel.NoNewStarts)
        {
            return refused with { Refusal = AuctionRefusal.Stopped };
        }

        var before = _totals.GetValueOrDefault(asset.Value);
        decimal room = _options.MaxDebtInAuction - _debtInAuction;
        if (_options.AssetDebtLimits.TryGetValue(asset, out decimal assetLimit))
        {
            room = Math.Min(room, assetLimit - before.DebtInAuction);
        }

        if (room <= 0m)
        {
            return refused with { Refusal = AuctionRefusal.LimitFull };
        }

        decimal startedDebt = debt, startedLot = lot;
        if (room < debt)
        {
            startedDebt = RoundMoneyDown(room);
            startedLot = RoundQuantityDown(lot * (startedDebt / debt));
            if (startedDebt <= 0m || startedDebt < _options.MinimumDebt || debt - startedDebt < _options.MinimumDebt || startedLot <= 0m)
            {
                return refused with { Refusal = AuctionRefusal.PartialStartDust };
            }
        }

        decimal incentive = Incentive(startedDebt);
        var now = _time.GetUtcNow();

        // Every sum is formed before anything is assigned, so an overflow leaves the state untouched.
        var after = before with
        {
            CollateralStarted = before.CollateralStarted + startedLot,
            CollateralInAuction = before.CollateralInAuction + startedLot,
            DebtStarted = before.DebtStarted + startedDebt,
            DebtInAuction = before.DebtInAuction + startedDebt,
            IncentivesPaid = before.IncentivesPaid + incentive,
        };
        decimal totalDebtIn = _debtInAuction + startedDebt;

        _totals[asset.Value] = after;
        _debtInAuction = totalDebtIn;
        long id = _nextId++;
        _active.Add(id, new AuctionState
        {
            Id = id,
            Owner = owner,
            Asset = asset,
            Lot = startedLot,
            Debt = startedDebt,
            StartPrice = startPrice,
            FloorPrice = floorPrice,
            ReferencePrice = oraclePrice,
            StartedAt = now,
        });
        _starts++;
        return new AuctionStartResult(
            AuctionRefusal.None, new AuctionId(id), startedLot, startedDebt, lot - startedLot, debt - startedDebt, startPrice, incentive);
    }

    /// <summary>
    /// Buys up to <paramref name="maxQuantity"/> of an auction's collateral at its current price, if that price is at most
    /// <paramref name="maxPrice"/>. A take worth more than the remaining debt buys only what covers it; a partial take
    /// that would leave less than the minimum debt is clamped to leave exactly that (rounded in the platform's favour).
    /// </summary>
    /// <param name="auction">An issued auction.</param>
    /// <param name="maxQuantity">Most collateral to buy: positive, at most <see cref="DutchAuctionOptions.QuantityDecimals"/> places.</param>
    /// <param name="maxPrice">Highest acceptable price, zero or positive.</param>
    /// <returns>What was bought and paid, or why nothing was.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The auction was never issued, or an amount is out of range.</exception>
    public AuctionTakeResult Take(AuctionId auction, decimal maxQuantity, decimal maxPrice)
    {
        CheckIssued(auction);
        CheckQuantity(maxQuantity);
        Guard.NonNegative(maxPrice);
        if (!_active.TryGetValue(auction.Value, out var state))
        {
            return TakeRefusal(AuctionRefusal.AuctionFinished, auction, 0m, null);
        }

        if (_stopLevel >= AuctionStopLevel.NoTakes)
        {
            return TakeRefusal(AuctionRefusal.Stopped, auction, 0m, state);
        }

        var now = _time.GetUtcNow();
        var (price, needsReset) = Status(state, now);
        if (needsReset)
        {
            return TakeRefusal(AuctionRefusal.NeedsReset, auction, price, state);
        }

        if (price > maxPrice)
        {
            return TakeRefusal(AuctionRefusal.PriceAboveLimit, auction, price, state);
        }

        decimal slice = Math.Min(state.Lot, maxQuantity);
        decimal owe = RoundMoneyUp(slice * price);
        bool clamped = false;
        if (owe >= state.Debt)
        {
            // Settles the debt: pay exactly the debt, for no more collateral than it buys at this price.
            owe = state.Debt;
            slice = Math.Min(slice, QuantityFor(owe, price));
            if (slice <= 0m)
            {
                // The quantity grid cannot express what covers the debt: never take money for no collateral.
                return TakeRefusal(AuctionRefusal.TakeTooSmall, auction, price, state);
            }
        }
        else if (slice < state.Lot && state.Debt - owe < _options.MinimumDebt)
        {
            if (state.Debt <= _options.MinimumDebt)
            {
                return TakeRefusal(AuctionRefusal.PartialTakeNotAllowed, auction, price, state);
            }

            slice = QuantityFor(state.Debt - _options.MinimumDebt, price);
            if (slice <= 0m)
            {
                return TakeRefusal(AuctionRefusal.TakeTooSmall, auction, price, state);
            }

            owe = RoundMoneyUp(slice * price); // ≤ debt − minimum, because slice × price ≤ it and it is on the money grid
            clamped = true;
        }

        decimal lotAfter = state.Lot - slice;
        decimal debtAfter = state.Debt - owe;
        decimal returned = 0m, shortfall = 0m;
        var outcome = AuctionOutcome.Continuing;
        if (debtAfter == 0m)
        {
            outcome = AuctionOutcome.DebtCovered;
            returned = lotAfter;
            lotAfter = 0m;
        }
        else if (lotAfter == 0m)
        {
            outcome = AuctionOutcome.LotExhausted;
            shortfall = debtAfter;
            debtAfter = 0m;
        }

        var totals = _totals[state.Asset.Value];
        var after = totals with
        {
            CollateralSold = totals.CollateralSold + slice,
            CollateralReturned = totals.CollateralReturned + returned,
            CollateralInAuction = totals.CollateralInAuction - (state.Lot - lotAfter),
            DebtRaised = totals.DebtRaised + owe,
            Shortfall = totals.Shortfall + shortfall,
            DebtInAuction = totals.DebtInAuction - (state.Debt - debtAfter),
        };
        decimal totalDebtIn = _debtInAuction - (state.Debt - debtAfter);

        if (shortfall > 0m)
        {
            // Before committing: a sink that throws leaves the take unapplied.
            _sink.Absorb(new AuctionShortfall(auction, state.Owner, state.Asset, shortfall, now));
        }

        _totals[state.Asset.Value] = after;
        _debtInAuction = totalDebtIn;
        _takes++;
        if (outcome == AuctionOutcome.Continuing)
        {
            state.Lot = lotAfter;
            state.Debt = debtAfter;
        }
        else
        {
            _active.Remove(auction.Value);
        }

        return new AuctionTakeResult(
            AuctionRefusal.None, auction, price, slice, owe, clamped, lotAfter, debtAfter, outcome, returned, shortfall);
    }

    /// <summary>
    /// Restarts an auction that is too old or too cheap, from <paramref name="oraclePrice"/> × the start buffer. Pays the
    /// keeper incentive unless the debt or the lot's oracle value is below the minimum debt.
    /// </summary>
    /// <param name="auction">An issued auction.</param>
    /// <param name="oraclePrice">The asset's oracle price now, positive.</param>
    /// <returns>The new start, or why there was none.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The auction was never issued, or the price is out of range.</exception>
    public AuctionResetResult Reset(AuctionId auction, decimal oraclePrice)
    {
        CheckIssued(auction);
        Guard.Positive(oraclePrice);
        var (startPrice, floorPrice) = Prices(oraclePrice);
        if (!_active.TryGetValue(auction.Value, out var state))
        {
            return new AuctionResetResult(AuctionRefusal.AuctionFinished, auction, 0m, 0m, 0m, false);
        }

        CheckExact(state.Lot, startPrice, nameof(oraclePrice));
        if (_stopLevel >= AuctionStopLevel.NoResets)
        {
            return new AuctionResetResult(AuctionRefusal.Stopped, auction, 0m, 0m, 0m, false);
        }

        var now = _time.GetUtcNow();
        if (!Status(state, now).NeedsReset)
        {
            return new AuctionResetResult(AuctionRefusal.NotResettable, auction, 0m, 0m, 0m, false);
        }

        // MakerDAO redo: no incentive for an auction too small to be worth restarting (debt or lot value below dust).
        decimal minimum = _options.MinimumDebt;
        bool worthIt = state.Debt >= minimum && (minimum == 0m || state.Lot >= minimum / oraclePrice);
        decimal incentive = worthIt ? Incentive(state.Debt) : 0m;
        var totals = _totals[state.Asset.Value];
        var after = totals with { IncentivesPaid = totals.IncentivesPaid + incentive };

        _totals[state.Asset.Value] = after;
        state.StartPrice = startPrice;
        state.FloorPrice = floorPrice;
        state.ReferencePrice = oraclePrice;
        state.StartedAt = now;
        state.Resets++;
        _resets++;
        return new AuctionResetResult(AuctionRefusal.None, auction, startPrice, floorPrice, incentive, !worthIt);
    }

    /// <summary>Reads a running auction at the current time.</summary>
    /// <param name="auction">The auction.</param>
    /// <param name="view">Its state and current price, when running.</param>
    /// <returns>Whether it is running.</returns>
    public bool TryGetAuction(AuctionId auction, out AuctionView view)
    {
        if (!_active.TryGetValue(auction.Value, out var state))
        {
            view = default;
            return false;
        }

        view = View(state, _time.GetUtcNow());
        return true;
    }

    /// <summary>Copies every running auction, in id order, as seen at the current time.</summary>
    /// <param name="destination">At least <see cref="ActiveCount"/> long.</param>
    /// <returns>The number written, <see cref="ActiveCount"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int CopyActiveAuctions(Span<AuctionView> destination)
    {
        Guard.DestinationLength(destination, _active.Count);
        var now = _time.GetUtcNow();
        int i = 0;
        foreach (var state in _active.Values)
        {
            destination[i++] = View(state, now);
        }

        return i;
    }

    /// <summary>Totals of one collateral asset (all zero for an asset never auctioned).</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>Its totals.</returns>
    public AuctionAssetTotals GetAssetTotals(AssetId asset) => _totals.GetValueOrDefault(asset.Value);

    /// <summary>The house's counters, money summed over every asset.</summary>
    /// <returns>The statistics.</returns>
    public AuctionHouseStatistics GetStatistics()
    {
        decimal started = 0m, raised = 0m, shortfall = 0m, incentives = 0m;
        foreach (var t in _totals.Values)
        {
            started += t.DebtStarted;
            raised += t.DebtRaised;
            shortfall += t.Shortfall;
            incentives += t.IncentivesPaid;
        }

        return new AuctionHouseStatistics(_active.Count, _starts, _takes, _resets, started, raised, shortfall, _debtInAuction, incentives);
    }

    private AuctionView View(AuctionState state, DateTimeOffset now)
    {
        var (price, needsReset) = Status(state, now);
        return new AuctionView(
            new AuctionId(state.Id), state.Owner, state.Asset, state.Lot, state.Debt, state.StartPrice, state.FloorPrice,
            state.ReferencePrice, state.StartedAt, state.Resets, price, needsReset);
    }

    /// <summary>The current price, and whether the auction is too old (strictly) or too cheap (strictly).</summary>
    private (decimal Price, bool NeedsReset) Status(AuctionState state, DateTimeOffset now)
    {
        // A clock that stepped back counts as no time passed, never as a higher price.
        var elapsed = now > state.StartedAt ? now - state.StartedAt : TimeSpan.Zero;
        decimal price = _options.Curve.PriceUnchecked(state.StartPrice, state.FloorPrice, elapsed, _options.PriceDecimals);
        bool needsReset = elapsed > _options.MaxDuration || price < _options.ResetPriceFraction * state.ReferencePrice;
        return (price, needsReset);
    }

    private (decimal Start, decimal Floor) Prices(decimal oraclePrice)
    {
        if (oraclePrice > decimal.MaxValue / 100m)
        {
            Guard.Throw(nameof(oraclePrice), oraclePrice, "is too large");
        }

        return (RoundPriceUp(oraclePrice * _options.StartBuffer), RoundPriceUp(oraclePrice * _options.FloorFraction));
    }

    private decimal Incentive(decimal debt) => _options.IncentiveFlat + RoundMoneyDown(_options.IncentiveRate * debt);

    /// <summary>The most collateral, on the quantity grid, whose value at <paramref name="price"/> is at most <paramref name="money"/>.</summary>
    private decimal QuantityFor(decimal money, decimal price)
    {
        decimal quantity = RoundQuantityDown(money / price);
        return quantity * price > money ? quantity - _quantityUnit : quantity; // the quotient was rounded up at the 28th digit
    }

    private void CheckIssued(AuctionId auction)
    {
        if (auction.Value < 1 || auction.Value >= _nextId)
        {
            Guard.Throw(nameof(auction), auction, string.Create(CultureInfo.InvariantCulture, $"was never issued (issued: 1 to {_nextId - 1})"));
        }
    }

    private void CheckQuantity(decimal quantity, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(quantity))] string? name = null)
    {
        Guard.Positive(quantity, name);
        Guard.DecimalPlaces(quantity, _options.QuantityDecimals, name);
    }

    private void CheckMoney(decimal money, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(money))] string? name = null)
    {
        Guard.Positive(money, name);
        Guard.DecimalPlaces(money, _options.MoneyDecimals, name);
    }

    /// <summary>Quantity × price must fit in 28 digits at full scale, so every take's product is exact.</summary>
    private void CheckExact(decimal quantity, decimal price, string name)
    {
        if (quantity > _exactProductLimit / price)
        {
            Guard.Throw(name, quantity, string.Create(CultureInfo.InvariantCulture, $"× start price {price} exceeds {_exactProductLimit}, beyond which quantity × price is not exact at these decimal places"));
        }
    }

    private decimal RoundMoneyUp(decimal value) => decimal.Round(value, _options.MoneyDecimals, MidpointRounding.ToPositiveInfinity);

    private decimal RoundMoneyDown(decimal value) => decimal.Round(value, _options.MoneyDecimals, MidpointRounding.ToNegativeInfinity);

    private decimal RoundPriceUp(decimal value) => decimal.Round(value, _options.PriceDecimals, MidpointRounding.ToPositiveInfinity);

    private decimal RoundQuantityDown(decimal value) => decimal.Round(value, _options.QuantityDecimals, MidpointRounding.ToNegativeInfinity);

    private static AuctionTakeResult TakeRefusal(AuctionRefusal refusal, AuctionId auction, decimal price, AuctionState? state) =>
        new(refusal, auction, price, 0m, 0m, false, state?.Lot ?? 0m, state?.Debt ?? 0m, AuctionOutcome.Continuing, 0m, 0m);

    private static decimal Unit(int decimals) => 1m / ExactDecimal.DecimalPow10(decimals);
}
