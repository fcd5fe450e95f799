using CascadeGuard.Breaker;
using CascadeGuard.Depth;
using CascadeGuard.Feeds;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Risk;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;
using CascadeGuard.Volatility;

namespace CascadeGuard.Engine;

/// <content>The tick pipeline.</content>
public sealed partial class CascadeGuardEngine
{
    private static readonly double TicksPerYear = TimeSpan.FromDays(365.25).Ticks;

    /// <summary>
    /// Runs one tick at the clock's current time: reads quotes and books, evaluates the accounts a price move or an update can
    /// have changed, routes new liquidations, sizes budgets, and releases what is due. Allocates nothing in steady state.
    /// </summary>
    /// <returns>The instructions of this tick (views valid until the next tick).</returns>
    public TickResult Tick()
    {
        var started = _time.GetTimestamp();
        ApplyPendingOptions();
        var now = _time.GetUtcNow();
        _auctionsStarted.Clear();
        _auctionsRestarted.Clear();
        _paused.Clear();
        _transitions.Clear();
        PublishAbsorptions();

        var allPriced = UpdatePrices();
        UpdateMarkets();
        var evaluated = allPriced ? EvaluateTouched() : 0;
        var routed = allPriced ? RouteLiquidations(evaluated) : 0;
        UpdateWatch(evaluated);
        RestartAuctions();
        var released = ReleaseSales();

        _counters.Ticks++;
        Publish();
        _telemetry.TickDuration.Record(_time.GetElapsedTime(started).TotalSeconds);
        EngineLog.TickSummary(_logger, now, evaluated, routed, released, _auctionsStarted.Count);
        return new TickResult(
            now,
            evaluated,
            routed,
            _sales.AsMemory(0, released),
            _auctionsStarted.AsMemory(),
            _auctionsRestarted.AsMemory(),
            _absorptionsOut.AsMemory(),
            _paused.AsMemory(),
            _transitions.AsMemory());
    }

    /// <summary>
    /// Reads each asset's latest quote into its oracle guard and takes the guard's decision. Returns whether every asset has
    /// had a price (nothing is evaluated before then: an account cannot be valued on a missing price).
    /// </summary>
    private bool UpdatePrices()
    {
        var all = true;
        for (var a = 0; a < _oracles.Length; a++)
        {
            var asset = new AssetId(a);
            if (_priceFeed.TryGetLatest(asset, out var quote) && quote.Timestamp.UtcTicks != _lastQuoteTicks[a])
            {
                // A rejected quote (non-finite, from the future, out of order) changes nothing in the guard; it is not offered again.
                _lastQuoteTicks[a] = quote.Timestamp.UtcTicks;
                _oracles[a].Update(quote);
            }

            var decision = _oracles[a].Decide();
            var can = decision.CanLiquidate && decision.Price > 0;
            if (decision.Price > 0)
            {
                _prices[a] = decision.Price;
                _volatility[a].Update(new OhlcBar(decision.Price, decision.Price, decision.Price, decision.Price));
            }

            if (can != _canLiquidate[a] && _counters.Ticks > 0)
            {
                if (can)
                {
                    // Accounts skipped while the asset was paused are evaluated again now.
                    _evaluatedPrices[a] = double.NaN;
                    EngineLog.OracleResumed(_logger, asset, decision.Status);
                }
                else
                {
                    EngineLog.OraclePaused(_logger, asset, decision.Status);
                }
            }

            _canLiquidate[a] = can;
            if (!can)
            {
                _paused.Add(asset);
            }

            all &= _prices[a] > 0;
        }

        return all;
    }

    /// <summary>
    /// Loads each market's book into its venue and throttle, checks the oracle against the book, runs its breaker and sets
    /// the scheduler's view of it.
    /// </summary>
    private void UpdateMarkets()
    {
        var settlement = _definition.SettlementAsset.Value;
        var stress = RiskInputs();
        var participation = 1.0;
        if (_options.UseAdaptiveParameters)
        {
            var update = _adaptive.Update(stress, _changes);
            participation = Math.Min(1.0, update.Parameters.ThrottleParticipation / _componentOptions.Adaptive.ThrottleParticipation.Calm);
        }

        for (var m = 0; m < _markets.Length; m++)
        {
            var market = _markets[m];
            var rejection = OrderBook.TryRead(_bookFeed, market.Id, _bidBuffer, _askBuffer, RequiredSides, out var book);
            if (rejection == BookRejection.None)
            {
                _venues[m].Load(book);
                _throttles[m].UpdateDepth(_venues[m], book.Timestamp);
                var bound = new SlippageBound(_componentOptions.Throttle.MaxSlippageBps, _componentOptions.Throttle.SlippageMeasure, _componentOptions.Throttle.SlippageReference);
                _depthNotional[m] = VenueDepth.MaxQuantityWithin(_venues[m], TradeSide.Sell, bound) * book.BestBid;
                _bookMid[m] = book.MidPrice;
            }
            else if (rejection != BookRejection.Missing)
            {
                EngineLog.BookRejected(_logger, market.Id, rejection);
            }
        }

        UpdateDisputes(settlement);
        for (var m = 0; m < _markets.Length; m++)
        {
            var market = _markets[m];
            var asset = market.Collateral.Value;
            var volatility = AnnualisedVolatility(asset);
            _throttles[m].UpdateConditions(new ThrottleConditions(volatility, _vpin[m]));
            var price = _canLiquidate[asset] ? _prices[asset] : 0.0;
            var inFlight = _throttles[m].GetStatistics().InFlight * _prices[asset];
            var evaluation = _breakers[m].Evaluate(new BreakerInputs(price, volatility, _vpin[m], double.IsFinite(inFlight) ? inFlight : 0, _depthNotional[m], _oracles[asset].Decide().Status));
            if (evaluation.Transitioned)
            {
                _transitions.Add(evaluation.Transition);
                EngineLog.BreakerTransition(_logger, market.Id, evaluation.Transition.From, evaluation.Transition.To, evaluation.Transition.Reason);
            }

            _telemetry.BreakerState.Record((int)evaluation.Decision.State, _marketTags[m]);
            _scaled[m].Factor = evaluation.Decision.BudgetFactor * participation;
            var sellable = evaluation.Decision.AllowsMarketSales && CanLiquidate(asset) && CanLiquidate(settlement);
            _referencePrices[market.Id.Value] = sellable ? _prices[asset] / _prices[settlement] : double.NaN;
        }
    }

    /// <summary>
    /// Compares each market's oracle ratio (collateral over settlement price) with its book's last mid. A disagreement
    /// beyond <see cref="CascadeGuardOptions.MaxOracleBookDeviation"/> means one of the two is wrong — an oracle that
    /// spiked alone, or a book that is broken — and the engine cannot tell which: the market's collateral is not
    /// liquidated until they agree again (a fail-safe: waiting costs less than liquidating on a false price).
    /// </summary>
    private void UpdateDisputes(int settlement)
    {
        for (var a = 0; a < _disputed.Length; a++)
        {
            _disputedScratch[a] = false;
        }

        var tolerance = _options.MaxOracleBookDeviation;
        for (var m = 0; m < _markets.Length; m++)
        {
            var asset = _markets[m].Collateral.Value;
            var mid = _bookMid[m];
            if (mid > 0 && _prices[asset] > 0 && _prices[settlement] > 0)
            {
                var deviation = Math.Abs((_prices[asset] / _prices[settlement] / mid) - 1);
                _disputedScratch[asset] |= deviation > tolerance;
            }
        }

        for (var a = 0; a < _disputed.Length; a++)
        {
            var disputed = _disputedScratch[a];
            if (disputed != _disputed[a])
            {
                if (disputed)
                {
                    EngineLog.OracleDisputed(_logger, new AssetId(a), tolerance);
                }
                else
                {
                    // Accounts skipped while the price was disputed are evaluated again now.
                    _evaluatedPrices[a] = double.NaN;
                    EngineLog.OracleDisputeCleared(_logger, new AssetId(a));
                }

                _disputed[a] = disputed;
            }

            if (disputed && _canLiquidate[a])
            {
                _paused.Add(new AssetId(a));
            }
        }
    }

    /// <summary>Whether an asset's accounts may be liquidated now: its oracle allows it and no book disputes its price.</summary>
    private bool CanLiquidate(int asset) => _canLiquidate[asset] && !_disputed[asset];

    private RiskInputs RiskInputs()
    {
        double volatility = 0, vpin = 0;
        for (var a = 0; a < _volatility.Length; a++)
        {
            volatility = Math.Max(volatility, AnnualisedVolatility(a));
        }

        foreach (var v in _vpin)
        {
            vpin = Math.Max(vpin, v);
        }

        return new RiskInputs(volatility, vpin, _congestion);
    }

    private double AnnualisedVolatility(int asset) =>
        _volatility[asset].IsReady ? _volatility[asset].Volatility * Math.Sqrt(TicksPerYear / _options.TickInterval.Ticks) : 0.0;

    /// <summary>
    /// Evaluates the accounts routing could act on: among the holders of an asset whose price moved and the accounts updated
    /// since the last tick, those a move can have made liquidatable and those still waiting to be routed (see
    /// <see cref="CollectTouched"/>).
    /// </summary>
    private int EvaluateTouched()
    {
        // Jobs that ended free their accounts for routing: learnt before the touched list is built, which watches them.
        ForgetFinishedJobs();
        CollectTouched();
        var count = _touched.Count;
        if (count == 0)
        {
            return 0;
        }

        if (_healthScratch.Length < count)
        {
            _healthScratch = new double[Math.Max(count, 2 * _healthScratch.Length)];
            _statusScratch = new AccountStatus[_healthScratch.Length];
        }

        _book.EvaluateAccounts(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_touched), _evaluatedPrices, _table, _healthScratch, _statusScratch, _options.AtRiskBand);
        return count;
    }

    /// <summary>Routes each newly liquidatable account: the minimal partial liquidation to the market, or an auction.</summary>
    private int RouteLiquidations(int evaluated)
    {
        var routed = 0;
        var settlement = _definition.SettlementAsset;
        var slippage = _options.UseAdaptiveParameters ? Math.Max(_options.ExpectedSlippage, _adaptive.Current.SlippageBound) : _options.ExpectedSlippage;
        for (var i = 0; i < evaluated; i++)
        {
            if (_statusScratch[i] < AccountStatus.Liquidatable)
            {
                continue;
            }

            var account = _touched[i];
            var a = account.Value;
            if (_activeAuction[a] != 0)
            {
                continue;
            }

            if (_activeMarket[a] >= 0)
            {
                if (_liveJob[a] != 0)
                {
                    continue; // its market job is still running
                }

                _activeMarket[a] = -1;
            }

            var n = _book.CopyCollateral(account, _collateralScratch);
            var k = _book.CopyDebts(account, _debtScratch);
            if (!AllLiquidatable(n, k) || !TryChooseCollateral(n, out var collateral))
            {
                continue;
            }

            var owes = false;
            for (var j = 0; j < k; j++)
            {
                owes |= _debtScratch[j].Asset == settlement;
            }

            if (!owes)
            {
                // Only settlement debt is repaid by the engine; other debts count toward health but are the host's to settle.
                continue;
            }

            var marketIndex = _definition.MarketIndexOfAsset[collateral.Value];
            var market = marketIndex >= 0 ? _markets[marketIndex] : null;
            var target = new MinimalLiquidationRequest(collateral, settlement, _options.TargetHealthFactor, slippage, _options.CloseFactor, _options.MinimumDebtRemainder);
            var plan = LiquidationPlanner.Plan(
                _collateralScratch.AsSpan(0, n),
                _debtScratch.AsSpan(0, k),
                _evaluatedPrices,
                _table,
                target,
                account,
                market?.Id ?? default,
                market?.MinimumOrder ?? double.MaxValue);
            switch (plan.Route)
            {
                case LiquidationRoute.Market when market is not null:
                    var submitted = _scheduler.Submit(plan.Request);
                    if (submitted.IsAccepted)
                    {
                        _activeMarket[a] = marketIndex;
                        _liveJob[a] = submitted.Job.Value;
                        _counters.MarketLiquidations++;
                        routed++;
                    }

                    break;
                case LiquidationRoute.Auction:
                    if (StartAuction(account, collateral, plan.AuctionLot, plan.AuctionDebt))
                    {
                        routed++;
                    }
                    else
                    {
                        // Limits or a stop level refused it: try again next tick.
                        _dirty.Add(a);
                    }

                    break;
            }
        }

        return routed;
    }

    /// <summary>
    /// Learns which market jobs ended since the last tick (filled, left dust, cancelled), so that routing need not ask the
    /// scheduler about every liquidatable account's job every tick.
    /// </summary>
    private void ForgetFinishedJobs()
    {
        foreach (var account in _endedBeforeSave)
        {
            Forget(account, EndedBeforeSave);
        }

        _endedBeforeSave.Clear();
        foreach (var (account, job) in _scheduler.FinishedJobs)
        {
            Forget(account, job);
        }

        _scheduler.ClearFinishedJobs();
    }

    private void Forget(int account, long job)
    {
        if (_liveJob[account] == job)
        {
            // The account is free for routing again (the market it was liquidated in no longer matters).
            _liveJob[account] = 0;
            _activeMarket[account] = -1;
            if (_ratioIndex.Contains(account) && !IsHeld(account))
            {
                Watch(account);
            }
        }
    }

    private bool AllLiquidatable(int collateralCount, int debtCount)
    {
        for (var j = 0; j < collateralCount; j++)
        {
            if (!CanLiquidate(_collateralScratch[j].Asset.Value))
            {
                return false;
            }
        }

        for (var j = 0; j < debtCount; j++)
        {
            if (!CanLiquidate(_debtScratch[j].Asset.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The collateral to liquidate: the most valuable one with a market, else the most valuable one with risk parameters.</summary>
    private bool TryChooseCollateral(int count, out AssetId asset)
    {
        asset = default;
        double bestWithMarket = 0, bestAny = 0;
        var found = false;
        var foundWithMarket = false;
        AssetId any = default;
        for (var j = 0; j < count; j++)
        {
            var p = _collateralScratch[j];
            if (_table[p.Asset] is null || p.Asset == _definition.SettlementAsset)
            {
                continue;
            }

            var value = p.Quantity * _evaluatedPrices[p.Asset.Value];
            if (_definition.MarketIndexOfAsset[p.Asset.Value] >= 0 && value > bestWithMarket)
            {
                bestWithMarket = value;
                asset = p.Asset;
                foundWithMarket = true;
            }

            if (value > bestAny)
            {
                bestAny = value;
                any = p.Asset;
                found = true;
            }
        }

        if (!foundWithMarket)
        {
            asset = any;
        }

        return found;
    }

    private int ReleaseSales()
    {
        var total = 0;
        while (true)
        {
            var summary = _scheduler.Tick(_referencePrices, _sales.AsSpan(total));
            if (summary.DeniedNotional > 0)
            {
                _telemetry.NotionalDenied.Add(summary.DeniedNotional);
            }

            for (var i = total; i < total + summary.Released; i++)
            {
                ref readonly var sale = ref _sales[i];
                _telemetry.LiquidationsReleased.Add(1);
                _telemetry.NotionalReleased.Add(sale.Quantity * _referencePrices[sale.Market.Value]);
                EngineLog.LiquidationReleased(_logger, sale.Id, sale.Quantity, sale.Market, sale.Account, sale.LimitPrice);
            }

            total += summary.Released;
            if (!summary.BufferFull)
            {
                return total;
            }

            Array.Resize(ref _sales, 2 * _sales.Length);
        }
    }
}
