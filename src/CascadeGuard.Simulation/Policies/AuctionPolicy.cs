using System.Diagnostics;
using System.Globalization;
using CascadeGuard.Auctions;
using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// <c>auction</c>: MakerDAO Liquidations 2.0 run by the library's <see cref="DutchAuctionHouse"/> on the simulation
/// clock. Each step, in this order:
/// <list type="number">
/// <item>bark: each liquidatable account not already in auction, riskiest first, puts all its collateral up to raise its
/// debt plus the penalty, priced from the oracle, until the limits on debt in auction (<c>Hole</c>, <c>ilk.hole</c>) are
/// full (the part that fits starts; the account waits for the rest);</item>
/// <item>redo: auctions too old or too cheap are reset from the oracle price;</item>
/// <item>take: keepers buy what <see cref="KeeperModel"/> gives, cheapest auction first, and resell it on the book at once
/// (so their selling moves the price);</item>
/// <item>heal: the surplus buffer covers debt left on accounts with no collateral, as far as its balance goes.</item>
/// </list>
/// The penalty goes to the surplus buffer (the insurance fund) as MakerDAO's goes to the <c>vow</c>; the buffer pays the
/// keepers' tip and chip on every start and reset (they are the keeper-incentive metric) and covers shortfalls while it has
/// money; what it cannot cover stays as bad debt.
/// </summary>
internal sealed class AuctionPolicy(AuctionParameters settings) : PolicyDefinition
{
    /// <summary>The one collateral asset of the simulated world.</summary>
    public static readonly AssetId Asset = new(0);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public AuctionPolicy()
        : this(new AuctionParameters())
    {
    }

    public AuctionParameters Settings { get; } = settings.Validate();

    public override string Name => "auction";

    public override string Rules => "Dutch auctions (MakerDAO Liquidations 2.0) with global and per-asset limits on debt in auction; keepers take what the book absorbs above the auction price plus their cost";

    public override IReadOnlyList<Parameter> Parameters =>
    [
        Parameter.Number("auctionStartBuffer", (double)Settings.StartBuffer, string.Empty, "buf: start price over the oracle price; MakerDAO ETH-A (1.3 until September 2021, then 1.2)"),
        Parameter.Label("auctionCurve", string.Create(Invariant, $"×{Settings.Cut} every {Settings.CutStep.TotalSeconds} s"), "stair-step exponential cut and step; MakerDAO ETH-A"),
        Parameter.Number("auctionMaxDurationMinutes", Settings.MaxDuration.TotalMinutes, "min", "tail: reset after this age; MakerDAO ETH vaults (8,400 s)"),
        Parameter.Number("auctionResetDrawdown", (double)Settings.ResetDrawdown, string.Empty, "cusp: reset below this share of the start price; MakerDAO ETH-A"),
        Parameter.Number("auctionIncentiveFlat", (double)Settings.IncentiveFlat, "USD", "tip: keeper reward per start and reset, paid by the surplus buffer; MakerDAO WBTC-C, November 2021"),
        Parameter.Number("auctionIncentiveRate", (double)Settings.IncentiveRate, string.Empty, "chip: keeper reward × auction debt, paid by the surplus buffer; MakerDAO 2021 vaults"),
        Parameter.Number("auctionAssetLimitDepthDistance", Settings.AssetLimitDepthDistance, string.Empty, "ilk.hole = the bids' notional within this distance of the initial price; MakerDAO sized ETH's limit to ~4 % on-chain slippage ($35 M, 2021)"),
        Parameter.Number("auctionGlobalLimitRatio", (double)Settings.GlobalLimitRatio, "×", "Hole over ilk.hole: MakerDAO 100 M over ETH-A 40 M; with one collateral asset the per-asset limit binds"),
        Parameter.Number("keeperCost", Settings.KeeperCost, string.Empty, "c: keepers take only at a discount to the book above this; 0.3 % Uniswap swap fee + ~0.2 % gas and margin (assumption)"),
        Parameter.Number("keeperParticipation", Settings.KeeperParticipation, string.Empty, "κ: share of the depth above the break-even price keepers resell per step (assumption; 1 = full arbitrage)"),
        Parameter.Number("auctionInitialSurplus", (double)Settings.InitialSurplus, "USD", "surplus buffer at the start: only this run's penalties fund it"),
    ];

    public override ILiquidationPolicy Create(PolicySetup setup)
    {
        Guard.NotNull(setup);

        // ilk.hole: the notional of the bids within the set distance of the initial price (infinite depth: no limit).
        var initial = setup.Market.Mid;
        var notional = setup.Market.UnitsAbove(initial * (1 - Settings.AssetLimitDepthDistance)) * initial;
        var assetLimit = ToMoney(notional);
        var globalLimit = assetLimit >= decimal.MaxValue / Math.Max(1m, Settings.GlobalLimitRatio) ? decimal.MaxValue : assetLimit * Settings.GlobalLimitRatio;
        return new Instance(this, setup, Settings.HouseOptions(assetLimit, globalLimit));
    }

    private static decimal ToMoney(double notional) =>
        notional < 1e25 ? Math.Max(1e-6m, decimal.Round((decimal)notional, Population.AccountPopulation.DebtDecimals, MidpointRounding.ToZero)) : decimal.MaxValue;

    private sealed class Instance : ILiquidationPolicy
    {
        // Most units asked for in one take when the book is infinitely deep; the house caps a take at the lot anyway.
        private const decimal UnboundedQuantity = 1_000_000_000_000_000m;

        private readonly DutchAuctionHouse _house;
        private readonly KeeperModel _keepers;
        private readonly double _penalty;
        private readonly decimal _tabFactor;
        private readonly decimal _initialSurplus;
        private readonly decimal _assetLimit;
        private readonly decimal _globalLimit;
        private readonly bool[] _inAuction;
        private readonly Queue<int> _unhealed = new();
        private readonly List<Cohort> _cohorts = [];
        private Candidate[] _candidates = new Candidate[16];

        public Instance(AuctionPolicy policy, PolicySetup setup, DutchAuctionOptions options)
        {
            var settings = policy.Settings;
            _house = new DutchAuctionHouse(options, setup.Clock, new ShortfallTally());
            _keepers = new KeeperModel(settings.KeeperCost, settings.KeeperParticipation);
            _penalty = setup.Protocol.LiquidationPenalty;
            _tabFactor = 1m + (decimal)_penalty;
            _initialSurplus = settings.InitialSurplus;
            _assetLimit = options.AssetDebtLimits[Asset];
            _globalLimit = options.MaxDebtInAuction;
            _inAuction = new bool[setup.Accounts.Count];
        }

        public void OnStep(in StepContext context, LiquidationActions actions)
        {
            var oracle = (decimal)context.OracleRatio;
            var current = Bark(context, actions, oracle);
            var candidates = Redo(context, actions, oracle, current);
            Take(context, actions, candidates);
            _cohorts.RemoveAll(static c => c.Entries.Count == 0);
            Heal(context, actions);
        }

        // Starts auctions for liquidatable accounts, riskiest first, until the limits are full. Returns this step's cohort.
        private Cohort Bark(in StepContext context, LiquidationActions actions, decimal oracle)
        {
            var cohort = new Cohort();
            _cohorts.Add(cohort);
            var room = Math.Min(_globalLimit - _house.DebtInAuction, _assetLimit - _house.GetAssetTotals(Asset).DebtInAuction);
            if (room <= 0m)
            {
                return cohort;
            }

            foreach (var account in context.Liquidatable)
            {
                if (_inAuction[account])
                {
                    continue;
                }

                var lot = context.Accounts.ExactCollateral(account);
                var tab = decimal.Round(context.Accounts.ExactDebt(account) * _tabFactor, Population.AccountPopulation.DebtDecimals, MidpointRounding.ToPositiveInfinity);
                var start = _house.Start(new AccountId(account), Asset, lot, tab, oracle);
                if (!start.Started)
                {
                    break; // LimitFull, or a sliver of room too small to carry collateral: wait for auctions to finish
                }

                _inAuction[account] = true;
                cohort.Entries.Add(new Entry(start.Auction, account));
                actions.PayIncentive(start.Incentive, Counterparty.InsuranceFund);
            }

            return cohort;
        }

        // Resets the cohorts that need it (into this step's cohort) and collects those priced below the book by more
        // than the keepers' cost, cheapest first. Auctions (re)started in the same step share their start price, floor,
        // reference price and start time — all that the house's price and reset rule depend on — so the house's answer
        // for a cohort's first auction holds for every auction in it: a step costs one price per cohort, not per auction.
        private ReadOnlySpan<Candidate> Redo(in StepContext context, LiquidationActions actions, decimal oracle, Cohort current)
        {
            var ceiling = context.Market.Mid * (1 - _keepers.Cost);
            var found = 0;
            for (var c = 0; c < _cohorts.Count; c++)
            {
                var cohort = _cohorts[c];
                if (cohort.Entries.Count == 0)
                {
                    continue;
                }

                // This step's cohort comes last, after the resets have joined it; it can be taken at once when the oracle
                // reads below the book.
                var running = _house.TryGetAuction(cohort.Entries[0].Auction, out var view);
                Debug.Assert(running, "finished auctions leave their cohort when taken");
                if (view.NeedsReset && cohort != current)
                {
                    foreach (var entry in cohort.Entries)
                    {
                        actions.PayIncentive(_house.Reset(entry.Auction, oracle).Incentive, Counterparty.InsuranceFund);
                        current.Entries.Add(entry);
                    }

                    cohort.Entries.Clear();
                    continue;
                }

                var price = (double)view.Price;
                if (price < ceiling)
                {
                    if (found == _candidates.Length)
                    {
                        Array.Resize(ref _candidates, found * 2);
                    }

                    _candidates[found++] = new Candidate(price, view.Price, c);
                }
            }

            var span = _candidates.AsSpan(0, found);
            span.Sort(); // keepers go for the deepest discount first
            return span;
        }

        // Keepers take cohort by cohort, cheapest first, each cohort's auctions in the order they started, until their
        // demand runs out; they resell at once. Finished auctions leave their cohort.
        private void Take(in StepContext context, LiquidationActions actions, ReadOnlySpan<Candidate> candidates)
        {
            var resold = 0.0;
            var exhausted = false;
            foreach (var candidate in candidates)
            {
                var entries = _cohorts[candidate.Cohort].Entries;
                var kept = 0;
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = entries[i];
                    if (!exhausted)
                    {
                        var quantity = Money.UnitsAtMost(_keepers.Demand(candidate.Price, context.Market, resold), UnboundedQuantity);
                        exhausted = quantity <= 0m; // same price for the rest of the cohort, higher for later cohorts
                        if (!exhausted && TakeOne(context, actions, entry, quantity, candidate.ExactPrice, ref resold))
                        {
                            continue;
                        }
                    }

                    entries[kept++] = entry;
                }

                entries.RemoveRange(kept, entries.Count - kept);
                if (exhausted)
                {
                    return;
                }
            }
        }

        // One take and its resale; true when the auction finished.
        private bool TakeOne(in StepContext context, LiquidationActions actions, Entry entry, decimal quantity, decimal price, ref double resold)
        {
            var take = _house.Take(entry.Auction, quantity, price);
            if (!take.Taken)
            {
                return false;
            }

            var sale = actions.TransferExact(entry.Owner, take.Quantity, take.Paid, _penalty, Counterparty.AuctionTakers, Counterparty.InsuranceFund);
            resold += actions.SellHeld(Counterparty.AuctionTakers, double.MaxValue).Units;
            if (sale.Settlement.LeftBadDebt)
            {
                _unhealed.Enqueue(entry.Owner);
            }

            if (take.Outcome == AuctionOutcome.Continuing)
            {
                return false;
            }

            _inAuction[entry.Owner] = false;
            return true;
        }

        // MakerDAO's heal: the surplus buffer pays debt that no collateral backs any more, oldest first, while it has money.
        private void Heal(in StepContext context, LiquidationActions actions)
        {
            while (_unhealed.TryPeek(out var account))
            {
                var debt = context.Accounts.ExactDebt(account);
                if (debt == 0m || context.Accounts.ExactCollateral(account) > 0m)
                {
                    _unhealed.Dequeue();
                    continue;
                }

                // The starting surplus came from outside the simulated flows: the fund may go that far below zero.
                var balance = actions.Balance(Counterparty.InsuranceFund) + _initialSurplus;
                if (balance <= 0m)
                {
                    return;
                }

                actions.CoverExact(account, Math.Min(debt, balance), Counterparty.InsuranceFund);
                if (context.Accounts.ExactDebt(account) > 0m)
                {
                    return;
                }

                _unhealed.Dequeue();
            }
        }
    }

    /// <summary>The running auctions (re)started at one step, in the order they started.</summary>
    private sealed class Cohort
    {
        public List<Entry> Entries { get; } = [];
    }

    private readonly record struct Entry(AuctionId Auction, int Owner);

    private readonly record struct Candidate(double Price, decimal ExactPrice, int Cohort) : IComparable<Candidate>
    {
        // Cheapest first; equal prices oldest cohort first.
        public int CompareTo(Candidate other)
        {
            var c = Price.CompareTo(other.Price);
            return c != 0 ? c : Cohort.CompareTo(other.Cohort);
        }
    }
}
