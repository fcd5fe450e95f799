using System.Diagnostics.Metrics;
using CascadeGuard.Auctions;
using CascadeGuard.Engine;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Runs;
using Microsoft.Extensions.Logging;

namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// <c>cascadeguard</c>: the library's <see cref="CascadeGuardEngine"/>, unchanged, with its default options except where the
/// simulation's time scale or market model forces a setting (<see cref="Options"/>). The simulator is the engine's host:
/// one engine per world holds a copy of every account; each step the host feeds it the step's oracle quotes and the
/// simulated book, calls <see cref="CascadeGuardEngine.Tick"/>, executes the sale instructions on the book within their
/// limit and window and reports the fills, lets the auction policy's keepers (<see cref="KeeperModel"/>) take the engine's
/// auctions and resell on the book, and mirrors the engine's loss absorptions into the ledger. docs/simulator.md, "The
/// cascadeguard policy", gives the mapping and the reasons.
/// </summary>
internal sealed class CascadeGuardPolicy : PolicyDefinition
{
    /// <summary>The collateral asset in the engine.</summary>
    public static readonly AssetId Collateral = new(0);

    /// <summary>The debt asset: the engine's settlement asset.</summary>
    public static readonly AssetId Debt = new(1);

    /// <summary>The one market, collateral against the debt asset.</summary>
    public static readonly MarketId Market = new(0);

    /// <summary>The venue's minimum order: the simulated book fills any size on the ledger's 10⁻⁹ collateral grid.</summary>
    public const double MinimumOrder = 1e-9;

    // Decimal places of an auction take's quantity: the engine's auction house grid (its default, 8).
    private static readonly int QuantityDecimals = new CascadeGuardOptions().Auctions.QuantityDecimals;

    // One meter for every engine of the process: a world's engine would otherwise create its own and never dispose it.
    private static readonly IMeterFactory SharedMeters = new OneMeterFactory();

    public override string Name => "cascadeguard";

    public override string Rules => "CascadeGuard's engine with its default options: oracle guard, minimal partial liquidation sold through a depth-aware throttle and a time-weighted scheduler with randomized windows, Dutch auctions for accounts a partial sale cannot restore, penalties to an insurance fund that absorbs auction shortfalls, circuit breaker";

    public override IReadOnlyList<Parameter> Parameters
    {
        get
        {
            var defaults = new CascadeGuardOptions();
            var keepers = new AuctionParameters();
            return
            [
                Parameter.Label("engineOptions", "new CascadeGuardOptions()", "the engine's defaults (docs/hosting.md), except the five settings below"),
                Parameter.Label("engineTickInterval", "the step length", "the engine ticks once per step; the interval annualises its tick-to-tick volatility (default 1 s, for one tick a second)"),
                Parameter.Label("engineOracleMaxStaleness", "max(60 s, the step length)", "a feed that quotes once per step is not stale until a step's quote is missing (default 60 s)"),
                Parameter.Label("engineBreakerPriceDropWindow", "max(5 min, the step length)", "the breaker's price-drop window must hold the previous step's price (default 5 min)"),
                Parameter.Label("engineThrottleVolumeParticipation", "off (+∞)", "volume term off: the simulated market has no trade feed (only liquidations and resilience), so the term would read zero volume and never grant (default 0.1 of 5 min volume)"),
                Parameter.Label("engineSchedulerSeed", "from the run's seed", "randomized windows drawn from the run's seed (default 1)"),
                Parameter.Number("engineMinimumOrder", MinimumOrder, "units", "the simulated venue fills any size on the ledger's collateral grid"),
                Parameter.Number("engineBookLevels", EngineFeeds.Levels, string.Empty, "bid levels the engine reads (its BookDepth), every 1 bp below the mid: 2 % of the price"),
                Parameter.Number("engineTargetHealthFactor", defaults.TargetHealthFactor, string.Empty, "default: a partial liquidation restores HF 1.05"),
                Parameter.Number("engineCloseFactor", defaults.CloseFactor, string.Empty, "default"),
                Parameter.Number("engineThrottleSlippageBps", defaults.Throttle.MaxSlippageBps, "bps", "default: depth = what sells within 50 bps on average; 25 % of it per step"),
                Parameter.Number("keeperCost", keepers.KeeperCost, string.Empty, "the auction policy's taker model takes the engine's auctions (c)"),
                Parameter.Number("keeperParticipation", keepers.KeeperParticipation, string.Empty, "the auction policy's taker model (κ)"),
            ];
        }
    }

    /// <summary>The platform as the engine sees it: the collateral with the protocol's parameters, the debt asset as settlement.</summary>
    public static EngineDefinition Definition(ProtocolParameters protocol)
    {
        Guard.NotNull(protocol);

        // Two collateral slots: the collateral, and the debt asset a fill that overpays the debt credits to the account.
        return new EngineDefinition(
            new RiskParameterTable([protocol.RiskParameters, null]),
            Debt,
            [new EngineMarket(Market, Collateral, MinimumOrder)],
            collateralSlots: 2,
            debtSlots: 1);
    }

    /// <summary>
    /// The engine's options for a world: <c>new CascadeGuardOptions()</c> with the settings the simulation forces — the
    /// tick interval (one tick per step), the oracle's staleness and the breaker's price-drop window (at least one step),
    /// the throttle's volume term (no trade feed), and the scheduler's seed (the run's).
    /// </summary>
    public static CascadeGuardOptions Options(TimeSpan stepLength, int seed)
    {
        Guard.Positive(stepLength);
        var options = new CascadeGuardOptions { TickInterval = stepLength };
        options.Oracle.MaxStaleness = Max(options.Oracle.MaxStaleness, stepLength);
        options.Breaker.PriceDropWindow = Max(options.Breaker.PriceDropWindow, stepLength);
        options.Throttle.VolumeParticipation = double.PositiveInfinity;
        options.Scheduler.Seed = (ulong)SimulationRequest.Mix(seed, SchedulerStream);
        return options;
    }

    public override ILiquidationPolicy Create(PolicySetup setup)
    {
        Guard.NotNull(setup);
        return new Instance(setup);
    }

    // The scheduler's random stream: apart from the path's (1) and the population's.
    private const int SchedulerStream = 0x4347;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;

    /// <summary>The engine and its host for one world.</summary>
    internal sealed class Instance : ILiquidationPolicy, IDisposable
    {
        private readonly CascadeGuardEngine _engine;
        private readonly EngineFeeds _feeds = new(Collateral, Debt, Market);
        private readonly KeeperModel _keepers;
        private readonly AuctionPriceCurve _curve;
        private readonly int _priceDecimals;
        private readonly double _penalty;
        private readonly List<Slice> _slices = [];
        private readonly Dictionary<AuctionId, Running> _running = [];
        private readonly List<Cohort> _cohorts = [];
        private Candidate[] _candidates = new Candidate[16];
        private long _fillId;
        private long _takeId;

        public Instance(PolicySetup setup, ILogger<CascadeGuardEngine>? logger = null)
        {
            var options = Options(setup.StepLength, setup.Seed);
            _curve = options.Auctions.Curve;
            _priceDecimals = options.Auctions.PriceDecimals;
            _penalty = setup.Protocol.LiquidationPenalty;
            var keepers = new AuctionParameters();
            _keepers = new KeeperModel(keepers.KeeperCost, keepers.KeeperParticipation);
            _engine = new CascadeGuardEngine(Definition(setup.Protocol), _feeds, _feeds, options, setup.Clock, logger, SharedMeters);
            var accounts = setup.Accounts;
            for (var i = 0; i < accounts.Count; i++)
            {
                var id = _engine.OpenAccount();
                _engine.SetCollateral(id, Collateral, accounts.Collateral(i));
                _engine.SetDebt(id, Debt, accounts.Debt(i));
            }
        }

        /// <summary>The engine (tests read its accounts and statistics).</summary>
        public CascadeGuardEngine Engine => _engine;

        public void Dispose() => _engine.Dispose();

        public void OnStep(in StepContext context, LiquidationActions actions)
        {
            _feeds.Set(context);
            var tick = _engine.Tick();
            foreach (var absorption in tick.Absorptions.Span)
            {
                Absorb(absorption, context, actions);
            }

            foreach (var started in tick.AuctionsStarted.Span)
            {
                var cohort = CohortAt(context.Now, started.StartPrice);
                cohort.Auctions.Add(started.Auction);
                _running.Add(started.Auction, new Running(started.Account.Value, started.Lot, cohort));
            }

            foreach (var restarted in tick.AuctionsRestarted.Span)
            {
                var running = _running[restarted.Auction];
                running.Cohort = CohortAt(context.Now, restarted.StartPrice);
                running.Cohort.Auctions.Add(restarted.Auction);
            }

            foreach (var sale in tick.Sales.Span)
            {
                _slices.Add(new Slice(sale.Id, sale.Account.Value, sale.Quantity, sale.LimitPrice, sale.NotBefore, sale.NotAfter));
            }

            ExecuteSlices(context, actions);
            TakeAuctions(context, actions);
        }

        /// <summary>
        /// Executes the slices whose window opens before the next step, in the order of their randomized starts, each at
        /// most once per step (within a step the book only gets thinner): a slice sells what the book gives at or above its
        /// limit, the fill is reported to the engine, and what a limit left unfilled is retried next step while its window
        /// is still open (with steps of a minute and more every window closes within its step, and the engine expires it).
        /// </summary>
        private void ExecuteSlices(in StepContext context, LiquidationActions actions)
        {
            if (_slices.Count == 0)
            {
                return;
            }

            var end = context.Now + context.StepLength;
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_slices);
            span.Sort();
            var kept = 0;
            for (var i = 0; i < span.Length; i++)
            {
                var slice = span[i];
                if (slice.NotBefore < end)
                {
                    slice = slice with { Open = slice.Open - Execute(slice, actions) };
                    if (slice.Open <= 0 || slice.NotAfter <= end)
                    {
                        continue;
                    }
                }

                span[kept++] = slice;
            }

            _slices.RemoveRange(kept, _slices.Count - kept);
        }

        /// <summary>Sells a slice's open quantity on the book within its limit and reports the fill. Returns the units filled.</summary>
        private double Execute(in Slice slice, LiquidationActions actions)
        {
            // Rounded down to the ledger's grid: a fill may never exceed what the engine released.
            var units = decimal.Round((decimal)slice.Open, Population.AccountPopulation.CollateralDecimals, MidpointRounding.ToZero);
            if (units <= 0m)
            {
                return slice.Open;
            }

            var sale = actions.Sell(slice.Account, (double)units, _penalty, slice.Limit, Counterparty.InsuranceFund, SettlementRule.Engine);
            var filled = sale.Settlement.Units;
            if (filled <= 0m)
            {
                return 0;
            }

            // The engine settles quantity × price: the price that makes it the proceeds the book paid.
            var price = sale.Settlement.Proceeds > 0m ? (double)(sale.Settlement.Proceeds / filled) : sale.AveragePrice;
            _engine.ApplyFill(new FillReport(++_fillId, slice.Id, (double)filled, price));
            return (double)filled;
        }

        /// <summary>
        /// Keepers take the engine's auctions by the auction policy's taker model, cheapest first, and resell at once on the
        /// book. Auctions (re)started at the same tick share their start price and time, so one price is computed per cohort
        /// with the engine's own curve.
        /// </summary>
        private void TakeAuctions(in StepContext context, LiquidationActions actions)
        {
            if (_running.Count == 0)
            {
                return;
            }

            var ceiling = context.Market.Mid * (1 - _keepers.Cost);
            var found = 0;
            for (var c = 0; c < _cohorts.Count; c++)
            {
                var cohort = _cohorts[c];
                Prune(cohort);
                if (cohort.Auctions.Count == 0)
                {
                    continue;
                }

                var price = _curve.Price(cohort.StartPrice, 0m, context.Now - cohort.Started, _priceDecimals);
                if ((double)price < ceiling)
                {
                    if (found == _candidates.Length)
                    {
                        Array.Resize(ref _candidates, found * 2);
                    }

                    _candidates[found++] = new Candidate(price, cohort);
                }
            }

            _cohorts.RemoveAll(static c => c.Auctions.Count == 0);
            var candidates = _candidates.AsSpan(0, found);
            candidates.Sort();
            var resold = 0.0;
            foreach (var candidate in candidates)
            {
                var auctions = candidate.Cohort.Auctions;
                for (var i = 0; i < auctions.Count; i++)
                {
                    var auction = auctions[i];
                    var running = _running[auction];
                    var quantity = Quantity(_keepers.Demand((double)candidate.Price, context.Market, resold), running.Lot);
                    if (quantity <= 0m)
                    {
                        return; // the same price for the rest of the cohort, higher for later cohorts
                    }

                    var take = _engine.TakeAuction(++_takeId, auction, quantity, candidate.Price);
                    if (!take.Taken)
                    {
                        continue; // waiting for the engine to reset it
                    }

                    actions.TransferExact(running.Account, take.Quantity, take.Paid, _penalty, Counterparty.AuctionTakers, Counterparty.InsuranceFund, SettlementRule.Engine);
                    resold += actions.SellHeld(Counterparty.AuctionTakers, double.MaxValue).Units;
                    running.Lot = take.RemainingLot;
                    if (take.Outcome != AuctionOutcome.Continuing)
                    {
                        _running.Remove(auction);
                        Finish(running.Account, take.Outcome, context, actions);
                    }
                }
            }
        }

        /// <summary>
        /// Squares the ledger with the engine when an auction ends. The engine auctions its account's holding on its own
        /// 10⁻⁸ grid: when the lot runs out, the ledger's last 10⁻⁸ unit or less is sold at market, as the engine holds none.
        /// When the debt was raised the engine counts it repaid in full; should the ledger still owe a rounding residue with
        /// no collateral left, the penalty income pays it.
        /// </summary>
        private void Finish(int account, AuctionOutcome outcome, in StepContext context, LiquidationActions actions)
        {
            var collateral = context.Accounts.ExactCollateral(account);
            if (outcome == AuctionOutcome.LotExhausted && collateral > 0m)
            {
                actions.Sell(account, (double)collateral, _penalty, 0, Counterparty.InsuranceFund, SettlementRule.Engine);
            }
            else if (outcome == AuctionOutcome.DebtCovered && collateral == 0m && context.Accounts.ExactDebt(account) > 0m)
            {
                actions.CoverExact(account, context.Accounts.ExactDebt(account), Counterparty.InsuranceFund);
            }
        }

        /// <summary>An auction's shortfall went down the engine's waterfall: what the insurance fund and pools covered pays the account's debt.</summary>
        private static void Absorb(in LossAbsorption absorption, in StepContext context, LiquidationActions actions)
        {
            var account = absorption.Account.Value;
            if (absorption.Result.ByInsuranceFund > 0m)
            {
                actions.CoverExact(account, Math.Min(absorption.Result.ByInsuranceFund, context.Accounts.ExactDebt(account)), Counterparty.InsuranceFund);
            }

            if (absorption.Result.ByBufferPools > 0m)
            {
                actions.CoverExact(account, Math.Min(absorption.Result.ByBufferPools, context.Accounts.ExactDebt(account)), Counterparty.BufferPool);
            }
        }

        // Drops from a cohort the auctions that ended or restarted into a later cohort.
        private void Prune(Cohort cohort)
        {
            var auctions = cohort.Auctions;
            var kept = 0;
            for (var i = 0; i < auctions.Count; i++)
            {
                if (_running.TryGetValue(auctions[i], out var running) && running.Cohort == cohort)
                {
                    auctions[kept++] = auctions[i];
                }
            }

            auctions.RemoveRange(kept, auctions.Count - kept);
        }

        private Cohort CohortAt(DateTimeOffset now, decimal startPrice)
        {
            if (_cohorts.Count > 0 && _cohorts[^1].Started == now && _cohorts[^1].StartPrice == startPrice)
            {
                return _cohorts[^1];
            }

            var cohort = new Cohort(now, startPrice);
            _cohorts.Add(cohort);
            return cohort;
        }

        // The keepers' demand on the auction house's quantity grid, at most the lot.
        private static decimal Quantity(double demand, decimal lot) =>
            demand >= (double)lot ? lot : Math.Min(lot, decimal.Round((decimal)demand, QuantityDecimals, MidpointRounding.ToZero));
    }

    /// <summary>A released sale the host is executing.</summary>
    private readonly record struct Slice(InstructionId Id, int Account, double Open, double Limit, DateTimeOffset NotBefore, DateTimeOffset NotAfter) : IComparable<Slice>
    {
        // By randomized start, then release order.
        public int CompareTo(Slice other)
        {
            var c = NotBefore.CompareTo(other.NotBefore);
            return c != 0 ? c : Id.Value.CompareTo(other.Id.Value);
        }
    }

    /// <summary>An auction the keepers watch: its account, the lot left, and the cohort it (re)started with.</summary>
    private sealed class Running(int account, decimal lot, Cohort cohort)
    {
        public int Account { get; } = account;

        public decimal Lot { get; set; } = lot;

        public Cohort Cohort { get; set; } = cohort;
    }

    /// <summary>Auctions (re)started at the same tick at the same price: their price is the same at every later time.</summary>
    private sealed class Cohort(DateTimeOffset started, decimal startPrice)
    {
        public DateTimeOffset Started { get; } = started;

        public decimal StartPrice { get; } = startPrice;

        public List<AuctionId> Auctions { get; } = [];
    }

    private readonly record struct Candidate(decimal Price, Cohort Cohort) : IComparable<Candidate>
    {
        // Cheapest first; equal prices in the order the cohorts started.
        public int CompareTo(Candidate other)
        {
            var c = Price.CompareTo(other.Price);
            return c != 0 ? c : Cohort.Started.CompareTo(other.Cohort.Started);
        }
    }

    /// <summary>Hands every engine the same <c>CascadeGuard</c> meter (instruments are thread-safe).</summary>
    private sealed class OneMeterFactory : IMeterFactory
    {
        private readonly Meter _meter = new("CascadeGuard");

        public Meter Create(MeterOptions options) => _meter;

        public void Dispose()
        {
        }
    }
}
