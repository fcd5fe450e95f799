using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CascadeGuard.Primitives;
using CascadeGuard.Throttling;

namespace CascadeGuard.Scheduling;

/// <summary>
/// Turns liquidation requests into timed, size-limited sell instructions. Each tick it releases slices of the most urgent
/// jobs (lowest health factor, improved by waiting time so nothing starves) as far as each market's volume throttle allows,
/// with a cooldown between slices of one account, a cap on the share of a job released per interval, and a randomly drawn
/// start inside each slice's window. Fills come back by id and are applied once; unfilled quantity returns to its job when a
/// slice expires or is cancelled. See docs/scheduler.md.
/// </summary>
/// <remarks>
/// The queue is opaque: only slices due now leave the scheduler; nothing it returns or counts reveals the size or timing of
/// later slices. Every command validates before it changes anything. Not thread-safe: one writer (the engine's tick).
/// </remarks>
public sealed partial class LiquidationScheduler
{
    // Floating-point residue below this fraction of a job's request is treated as zero, so a job sold in pieces completes.
    private const double Residue = 1e-12;

    private readonly LiquidationSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly SchedulerMarket[] _markets;
    private readonly Dictionary<int, int> _marketIndex = [];
    // Each market keeps its jobs (active, and ended ones until forgotten) in a dense slab, a slot per job with free slots
    // reused, so the tick scans contiguous memory in order instead of hashing ids; the dictionary maps a job id to its
    // market and slot for the host's commands.
    private readonly Job[][] _slabs;
    private readonly int[] _slabUsed;
    private readonly Stack<int>[] _freeSlots;
    private readonly Dictionary<long, (int Market, int Index)> _jobSlots = [];
    private readonly Dictionary<(int Account, int Market), long> _activeByAccount = [];
    private readonly Dictionary<long, Instruction> _instructions = [];
    private readonly List<long> _open = [];
    private readonly Dictionary<long, long> _fills = [];
    private readonly Queue<(long Fill, long At)> _fillOrder = new();
    private readonly Queue<(long Instruction, long At)> _closedInstructions = new();
    private readonly Queue<(long Job, long At)> _closedJobs = new();
    private readonly Dictionary<int, long> _cooldownUntil = [];
    private readonly List<long> _scratchIds = [];
    private Candidate[] _candidates = new Candidate[64];
    private int[] _order = new int[64];
    private readonly int[] _lastPopped;
    private List<(int Account, long Job)>? _finished;
    private SplitMixRandom _random;
    private long _nextJob = 1;
    private long _nextInstruction = 1;
    private Counters _counters;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="markets">The markets it may sell in, each with its throttle; market ids must be distinct.</param>
    /// <param name="options">Options; validated and copied.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentException">An argument is invalid; the message names every bad option.</exception>
    public LiquidationScheduler(IReadOnlyList<SchedulerMarket> markets, LiquidationSchedulerOptions options, TimeProvider timeProvider)
    {
        Guard.NotNull(markets);
        Guard.NotNull(options);
        Guard.NotNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid scheduler options: " + string.Join(" ", errors), nameof(options));
        }

        _markets = [.. markets];
        _slabs = new Job[_markets.Length][];
        _slabUsed = new int[_markets.Length];
        _freeSlots = new Stack<int>[_markets.Length];
        _lastPopped = new int[_markets.Length];
        for (var i = 0; i < _markets.Length; i++)
        {
            Guard.NotNull(_markets[i], "markets");
            if (!_marketIndex.TryAdd(_markets[i].Market.Value, i))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{_markets[i].Market} is listed twice."), nameof(markets));
            }

            _slabs[i] = new Job[16];
            _freeSlots[i] = new Stack<int>();
        }

        _options = options.Copy();
        _time = timeProvider;
        _random = new SplitMixRandom(_options.Seed);
    }

    /// <summary>Submits a liquidation request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The new job, or why none was created.</returns>
    /// <exception cref="ArgumentException">The request is invalid (unknown market, non-finite or non-positive amount, bad health factor).</exception>
    public SubmitResult Submit(in LiquidationRequest request)
    {
        var market = MarketIndexOf(request.Market, "request.Market");
        if (request.Target is not (LiquidationTarget.Quantity or LiquidationTarget.Proceeds))
        {
            Guard.Throw("request.Target", request.Target, "must be Quantity or Proceeds");
        }

        Guard.FinitePositive(request.Amount, "request.Amount");
        Guard.FiniteNonNegative(request.HealthFactor, "request.HealthFactor");
        var key = (request.Account.Value, market);
        if (_activeByAccount.TryGetValue(key, out var existing))
        {
            return new SubmitResult(SubmitOutcome.AlreadyScheduled, new JobId(existing));
        }

        if (request.Target == LiquidationTarget.Quantity && request.Amount < _markets[market].MinimumOrder)
        {
            return new SubmitResult(SubmitOutcome.BelowMinimumOrder, default);
        }

        var now = Now;
        var id = _nextJob++;
        AddJob(new Job
        {
            Id = id,
            Account = request.Account.Value,
            Market = market,
            Target = request.Target,
            Requested = request.Amount,
            HealthFactor = request.HealthFactor,
            WaitingSince = now,
            IntervalStart = now,
            Status = JobStatus.Active,
            CooldownUntil = _cooldownUntil.GetValueOrDefault(request.Account.Value),
        });
        _activeByAccount[key] = id;
        _counters.SubmittedJobs++;
        return new SubmitResult(SubmitOutcome.Accepted, new JobId(id));
    }

    /// <summary>
    /// Runs one tick: expires slices whose deadline passed, then releases due slices, most urgent first, into
    /// <paramref name="released"/>.
    /// </summary>
    /// <param name="referencePrices">The reference price of every market, indexed by market id (the oracle's actionable price
    /// or the best bid). A market whose entry is missing, NaN, infinite or not positive is paused for this tick: nothing is
    /// released there.</param>
    /// <param name="released">Receives the released instructions. When it fills, the remaining due slices wait a tick.</param>
    /// <returns>What the tick did.</returns>
    public TickSummary Tick(ReadOnlySpan<double> referencePrices, Span<SellInstruction> released)
    {
        var now = Now;
        var expired = ExpireDue(now);
        Prune(now);
        var count = 0;
        var throttled = 0;
        var deniedNotional = 0.0;
        var full = false;
        for (var m = 0; m < _markets.Length && !full; m++)
        {
            var marketId = _markets[m].Market.Value;
            var price = marketId < referencePrices.Length ? referencePrices[marketId] : double.NaN;
            if (!double.IsFinite(price) || price <= 0)
            {
                continue;
            }

            // Most urgent first, popped from a heap: in a stressed market the throttle runs out after a few slices while
            // thousands of jobs wait, and only the released head needs to be in order. The heap holds only the few most
            // urgent candidates (about twice as many as this market took last tick, picked in one pass); should they all be
            // taken, the rest are heaped and popped after them, so the order is exactly that of one heap over all.
            var candidates = Rank(m, now, price);
            var heap = Head(candidates, _lastPopped[m]);
            var wholeHeap = heap.Count == candidates.Length;
            var popped = 0;
            var throttle = _markets[m].Throttle;
            var atomic = throttle is ITickAtomicThrottle { IsTickAtomic: true } a ? a : null;
            while (true)
            {
                if (heap.Count == 0)
                {
                    if (wholeHeap)
                    {
                        break;
                    }

                    heap = Rest(candidates);
                    wholeHeap = true;
                    if (heap.Count == 0)
                    {
                        break;
                    }
                }

                if (count == released.Length)
                {
                    full = true;
                    Unrank(m, candidates);
                    break;
                }

                ref var candidate = ref candidates[heap.Pop()];
                candidate.Popped = true;
                popped++;
                var outcome = TryRelease(candidate, m, price, now, out released[count], out var denied);
                deniedNotional += denied * price;
                if (outcome == ReleaseOutcome.Released)
                {
                    count++;
                }
                else if (outcome is ReleaseOutcome.Throttled or ReleaseOutcome.Refused)
                {
                    throttled++;
                    if (outcome == ReleaseOutcome.Refused && atomic is not null)
                    {
                        // The budget is below one minimum order and nothing in the rest of this tick can raise it: every
                        // remaining job that wants a slice would be refused too. Count those refusals without asking.
                        var (refused, wanted) = CountWanting(candidates);
                        deniedNotional += wanted * price;
                        atomic.RecordRefusals(_markets[m].MinimumOrder, refused);
                        throttled += refused;
                        break;
                    }
                }
            }

            _lastPopped[m] = popped;
        }

        return new TickSummary(count, expired, throttled, full, deniedNotional);
    }

    /// <summary>Applies a fill reported by the host's executor.</summary>
    /// <param name="fill">The fill.</param>
    /// <returns><see cref="FillOutcome.Applied"/>, <see cref="FillOutcome.AppliedLate"/> for a fill on a slice that had already
    /// expired or been cancelled, or <see cref="FillOutcome.Duplicate"/> (ignored) for a repeated fill id.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The quantity or price is not finite and positive; nothing changes.</exception>
    /// <exception cref="FillRejectedException">Unknown instruction or over-fill; nothing changes.</exception>
    public FillOutcome ApplyFill(in FillReport fill)
    {
        Guard.FinitePositive(fill.Quantity, "fill.Quantity");
        Guard.FinitePositive(fill.Price, "fill.Price");
        if (_fills.ContainsKey(fill.FillId))
        {
            _counters.DuplicateFills++;
            return FillOutcome.Duplicate;
        }

        ref var instruction = ref CollectionsMarshal.GetValueRefOrNullRef(_instructions, fill.Instruction.Value);
        if (Unsafe.IsNullRef(ref instruction) || !_jobSlots.ContainsKey(instruction.Job))
        {
            throw new FillRejectedException(FillRejection.UnknownInstruction, fill, "the scheduler did not issue this instruction or has forgotten it");
        }

        ref var job = ref JobRef(instruction.Job);
        var now = Now;
        FillOutcome outcome;
        if (!instruction.Closed)
        {
            if (fill.Quantity > instruction.Open * (1 + Residue))
            {
                throw new FillRejectedException(FillRejection.OverFill, fill, string.Create(CultureInfo.InvariantCulture, $"only {instruction.Open} remains open on the instruction"));
            }

            var quantity = Math.Min(fill.Quantity, instruction.Open);
            _markets[instruction.Market].Throttle.Commit(new LeaseId(instruction.Lease), quantity, fill.Price);
            instruction.Open -= quantity;
            job.InFlight = Math.Max(0, job.InFlight - (quantity * Unit(job.Target, instruction.ReferencePrice)));
            job.Filled += quantity * Unit(job.Target, fill.Price);
            if (instruction.Open <= instruction.Quantity * Residue)
            {
                if (instruction.Open > 0)
                {
                    // A residue too small to sell (a host's rounding): its lease would otherwise stay open for ever, holding
                    // budget and a slot of the throttle's bounded lease book.
                    _markets[instruction.Market].Throttle.Release(new LeaseId(instruction.Lease));
                    job.InFlight = Math.Max(0, job.InFlight - (instruction.Open * Unit(job.Target, instruction.ReferencePrice)));
                }

                CloseInstruction(ref instruction, fill.Instruction.Value, now);
            }

            _counters.FilledQuantity += quantity;
            outcome = FillOutcome.Applied;
        }
        else
        {
            // The slice expired or was cancelled before this fill arrived: its quantity is back in the job, so the fill is
            // taken from the job's open remainder. It can no longer be committed to the closed lease.
            var amount = fill.Quantity * Unit(job.Target, fill.Price);
            var open = job.Requested - job.Filled - job.InFlight;
            if (job.Status != JobStatus.Active || (job.Target == LiquidationTarget.Quantity && amount > open * (1 + Residue)))
            {
                throw new FillRejectedException(FillRejection.OverFill, fill, string.Create(CultureInfo.InvariantCulture, $"the instruction is closed and its job has {Math.Max(0, open)} left to sell"));
            }

            job.Filled += job.Target == LiquidationTarget.Quantity ? Math.Min(amount, open) : amount;
            _counters.FilledQuantity += fill.Quantity;
            _counters.LateFills++;
            outcome = FillOutcome.AppliedLate;
        }

        _fills[fill.FillId] = now;
        _fillOrder.Enqueue((fill.FillId, now));
        SettleJob(ref job, now);
        return outcome;
    }

    /// <summary>Cancels an instruction: its open quantity returns to its job and its lease is released.</summary>
    /// <param name="instruction">The instruction.</param>
    /// <returns>Whether it was cancelled.</returns>
    public CancelOutcome Cancel(InstructionId instruction)
    {
        ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_instructions, instruction.Value);
        if (Unsafe.IsNullRef(ref state))
        {
            return CancelOutcome.Unknown;
        }

        if (state.Closed)
        {
            return CancelOutcome.AlreadyClosed;
        }

        var now = Now;
        _counters.CancelledQuantity += state.Open;
        ReturnToJob(ref state, instruction.Value, now);
        SettleJob(ref JobRef(state.Job), now);
        return CancelOutcome.Cancelled;
    }

    /// <summary>Cancels a job and every open slice of it (for example when the account was repaid or routed elsewhere).</summary>
    /// <param name="job">The job.</param>
    /// <returns>Whether it was cancelled.</returns>
    public CancelOutcome CancelJob(JobId job)
    {
        ref var state = ref JobRef(job.Value);
        if (Unsafe.IsNullRef(ref state))
        {
            return CancelOutcome.Unknown;
        }

        if (state.Status != JobStatus.Active)
        {
            return CancelOutcome.AlreadyClosed;
        }

        var now = Now;
        CancelOpenSlices(job.Value, now);
        Finish(ref state, JobStatus.Cancelled, now);
        return CancelOutcome.Cancelled;
    }

    /// <summary>What the host may know of a job (retained for <see cref="LiquidationSchedulerOptions.Retention"/> after it ends).</summary>
    /// <param name="job">The job.</param>
    /// <param name="view">The job's view.</param>
    /// <returns><see langword="false"/> when the job is unknown.</returns>
    public bool TryGetJob(JobId job, out JobView view)
    {
        ref readonly var j = ref JobRef(job.Value);
        if (Unsafe.IsNullRef(in j))
        {
            view = default;
            return false;
        }

        view = new JobView(job, new AccountId(j.Account), _markets[j.Market].Market, j.Target, j.Requested, j.Filled, j.InFlight, j.Dust, j.Status);
        return true;
    }

    /// <summary>The account's active job in a market, if any.</summary>
    /// <param name="account">The account.</param>
    /// <param name="market">The market.</param>
    /// <param name="job">The job.</param>
    /// <returns>Whether the account has an active job there.</returns>
    public bool TryGetActiveJob(AccountId account, MarketId market, out JobId job)
    {
        job = default;
        if (!_marketIndex.TryGetValue(market.Value, out var m) || !_activeByAccount.TryGetValue((account.Value, m), out var id))
        {
            return false;
        }

        job = new JobId(id);
        return true;
    }

    /// <summary>
    /// From now on, remembers each job that ends (completed, with dust or cancelled) until <see cref="ClearFinishedJobs"/>,
    /// so that an owner can follow its jobs without asking about each one every tick.
    /// </summary>
    internal void TrackFinishedJobs() => _finished ??= [];

    /// <summary>The jobs that ended since the last clear (account, job id), in the order they ended.</summary>
    internal ReadOnlySpan<(int Account, long Job)> FinishedJobs => CollectionsMarshal.AsSpan(_finished);

    internal void ClearFinishedJobs() => _finished?.Clear();

    /// <summary>The account and market index (into the scheduler's markets) an instruction belongs to, while it is remembered.</summary>
    internal bool TryGetInstructionOwner(InstructionId instruction, out AccountId account, out int market)
    {
        if (_instructions.TryGetValue(instruction.Value, out var state))
        {
            account = new AccountId(state.Account);
            market = state.Market;
            return true;
        }

        account = default;
        market = -1;
        return false;
    }

    /// <summary>Reads the cumulative counters.</summary>
    /// <returns>The statistics.</returns>
    public SchedulerStatistics GetStatistics() => new(
        _activeByAccount.Count,
        _counters.SubmittedJobs,
        _counters.CompletedJobs,
        _counters.ReleasedInstructions,
        _counters.ReleasedQuantity,
        _counters.FilledQuantity,
        _counters.ExpiredQuantity,
        _counters.CancelledQuantity,
        _counters.DuplicateFills,
        _counters.LateFills);

    private long Now => _time.GetUtcNow().UtcTicks;

    private static double Unit(LiquidationTarget target, double price) => target == LiquidationTarget.Quantity ? 1.0 : price;

    private int MarketIndexOf(MarketId market, string name)
    {
        if (!_marketIndex.TryGetValue(market.Value, out var index))
        {
            Guard.Throw(name, market.Value, "must name a market of the scheduler");
        }

        return index;
    }

    /// <summary>
    /// The market's active jobs that may release now (ties by job id, so the order is total), in no particular order. Each
    /// job's share interval is rolled here, as the release step would roll it, and its wanted slice computed: both depend on
    /// the job alone, so a job that is never reached because the budget ran out keeps exactly the state a refused reservation
    /// would have left. <see cref="Unrank"/> undoes the roll for jobs left unprocessed when the caller's buffer fills.
    /// </summary>
    private Span<Candidate> Rank(int market, long now, double price)
    {
        var jobs = _slabs[market].AsSpan(0, _slabUsed[market]);
        if (_candidates.Length < jobs.Length)
        {
            _candidates = new Candidate[Math.Max(jobs.Length, 2 * _candidates.Length)];
            _order = new int[_candidates.Length];
        }

        // Everything but the job's own fields is read once per tick: the scan stays a tight loop over the slab.
        var n = 0;
        var agingPerTick = _options.AgingPerMinute / TimeSpan.TicksPerMinute;
        var interval = _options.ShareInterval.Ticks;
        var share = _options.MaxSharePerInterval;
        var venue = _markets[market];
        var min = venue.MinimumOrder;
        var maxSlice = venue.MaximumSlice;
        var candidates = _candidates;
        for (var index = 0; index < jobs.Length; index++)
        {
            ref var job = ref jobs[index];
            if (job.Status != JobStatus.Active)
            {
                continue;
            }

            var left = job.Requested - job.Filled - job.InFlight;
            if (left <= job.Requested * Residue || now < job.CooldownUntil)
            {
                continue;
            }

            var intervalStart = job.IntervalStart;
            var releasedInInterval = job.ReleasedInInterval;
            var releasedNow = releasedInInterval;
            if (now - intervalStart >= interval)
            {
                job.IntervalStart = now;
                job.ReleasedInInterval = 0;
                releasedNow = 0;
            }

            // A quantity job's unit is 1, and x / 1 is x exactly: only proceeds jobs divide by the price.
            double open, cap;
            if (job.Target == LiquidationTarget.Quantity)
            {
                open = left;
                cap = share >= 1 ? double.PositiveInfinity : Math.Max(share * job.Requested, min) - releasedNow;
            }
            else
            {
                open = job.Target == LiquidationTarget.Proceeds ? Math.Max(left / price, min) : left / price;
                cap = share >= 1 ? double.PositiveInfinity : Math.Max(share * job.Requested / price, min) - releasedNow;
            }

            candidates[n++] = new Candidate(job.HealthFactor - (agingPerTick * (now - job.WaitingSince)), job.Id, index, Wanted(open, cap, maxSlice, min), intervalStart, releasedInInterval);
        }

        return candidates.AsSpan(0, n);
    }

    /// <summary>
    /// The positions of the most urgent candidates as a heap: about twice as many as the market took last tick, plus 16 (all
    /// of them when there are no more), found in one pass with a max-heap of the most urgent seen so far.
    /// </summary>
    private CandidateHeap Head(Span<Candidate> candidates, int lastPopped)
    {
        var n = candidates.Length;
        var k = (int)Math.Min(n, (2L * lastPopped) + 16);
        var head = _order.AsSpan(0, k);
        for (var i = 0; i < k; i++)
        {
            head[i] = i;
        }

        if (k < n)
        {
            for (var i = (k / 2) - 1; i >= 0; i--)
            {
                DownMax(head, i, candidates);
            }

            for (var i = k; i < n; i++)
            {
                if (candidates[i].Precedes(candidates[head[0]]))
                {
                    head[0] = i;
                    DownMax(head, 0, candidates);
                }
            }
        }

        return new CandidateHeap(head, candidates);
    }

    /// <summary>The candidates not popped yet, as a heap: taken once the head ran out.</summary>
    private CandidateHeap Rest(Span<Candidate> candidates)
    {
        var n = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (!candidates[i].Popped)
            {
                _order[n++] = i;
            }
        }

        return new CandidateHeap(_order.AsSpan(0, n), candidates);
    }

    /// <summary>Sifts down in a max-heap of candidate positions (the least urgent on top).</summary>
    private static void DownMax(Span<int> heap, int i, ReadOnlySpan<Candidate> candidates)
    {
        var item = heap[i];
        ref readonly var value = ref candidates[item];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= heap.Length)
            {
                break;
            }

            if (child + 1 < heap.Length && candidates[heap[child]].Precedes(candidates[heap[child + 1]]))
            {
                child++;
            }

            if (!value.Precedes(candidates[heap[child]]))
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = item;
    }

    /// <summary>Starts an account's cooldown, and copies it to the account's active jobs, where ranking reads it.</summary>
    private void SetCooldown(int account, long until)
    {
        _cooldownUntil[account] = until;
        for (var m = 0; m < _markets.Length; m++)
        {
            if (_activeByAccount.TryGetValue((account, m), out var id))
            {
                JobRef(id).CooldownUntil = until;
            }
        }
    }

    /// <summary>Restores the share interval of jobs ranked but not processed (not popped).</summary>
    private void Unrank(int market, ReadOnlySpan<Candidate> candidates)
    {
        foreach (ref readonly var c in candidates)
        {
            if (!c.Popped)
            {
                ref var job = ref _slabs[market][c.Index];
                job.IntervalStart = c.IntervalStart;
                job.ReleasedInInterval = c.ReleasedInInterval;
            }
        }
    }

    /// <summary>
    /// Candidates not popped yet that want a slice (the others would be skipped, not refused), and the quantity they want.
    /// </summary>
    private static (int Count, double Wanted) CountWanting(ReadOnlySpan<Candidate> candidates)
    {
        var n = 0;
        var wanted = 0.0;
        foreach (ref readonly var c in candidates)
        {
            if (!c.Popped && c.Wanted >= 0)
            {
                n++;
                wanted += c.Wanted;
            }
        }

        return (n, wanted);
    }

    /// <summary>
    /// The slice a job wants now, or −1 when it wants less than one minimum order: <paramref name="open"/> is what it has left
    /// in units sold (at least one minimum order for a proceeds job, which sells that much even for a small remaining amount,
    /// overshooting slightly), <paramref name="cap"/> what its share interval (already rolled) still allows.
    /// </summary>
    private static double Wanted(double open, double cap, double maxSlice, double min)
    {
        var wanted = Math.Min(open, Math.Min(maxSlice, cap));
        if (open - wanted > 0 && open - wanted < min)
        {
            // A slice grows to take a dusty remainder with it rather than leave it behind (by less than one minimum order);
            // quantity jobs keep their remainder at zero or at least one minimum order.
            wanted = open;
        }

        return wanted < min ? -1 : wanted;
    }

    /// <summary>Releases one slice of a job if its market's throttle allows; <paramref name="denied"/> is what the throttle refused.</summary>
    private ReleaseOutcome TryRelease(in Candidate candidate, int market, double price, long now, out SellInstruction instruction, out double denied)
    {
        instruction = default;
        denied = 0;
        var id = candidate.Job;
        ref var job = ref _slabs[market][candidate.Index];

        // One job per account and market, and Rank left out accounts in cooldown: no job ranked here shares an account
        // with a job released earlier in this tick.
        Debug.Assert(!(_cooldownUntil.TryGetValue(job.Account, out var until) && now < until), "ranked jobs are not in cooldown");
        var wanted = candidate.Wanted;
        if (wanted < 0)
        {
            return ReleaseOutcome.Skipped;
        }

        var venue = _markets[market];
        var min = venue.MinimumOrder;
        var unit = Unit(job.Target, price);
        var open = (job.Requested - job.Filled - job.InFlight) / unit;
        if (job.Target == LiquidationTarget.Proceeds)
        {
            open = Math.Max(open, min);
        }

        var lease = venue.Throttle.TryReserve(wanted, min);
        if (!lease.IsGranted)
        {
            denied = wanted;
            return ReleaseOutcome.Refused;
        }

        var granted = lease.Quantity;
        if (open - granted > 0 && open - granted < min)
        {
            // The throttle granted a size that would strand a dusty remainder: take one minimum order less instead.
            venue.Throttle.Release(lease.Id);
            var smaller = open - min;
            if (smaller < min)
            {
                denied = wanted;
                return ReleaseOutcome.Throttled;
            }

            lease = venue.Throttle.TryReserve(smaller, smaller);
            if (!lease.IsGranted)
            {
                denied = wanted;
                return ReleaseOutcome.Throttled;
            }

            granted = lease.Quantity;
        }

        denied = wanted - granted;

        var start = now + (long)(_random.NextDouble() * _options.StartJitter.Ticks);
        var end = start + _options.ExecutionTime.Ticks;
        var instructionId = _nextInstruction++;
        var limit = price * (1 - _options.LimitSlippage);
        _instructions[instructionId] = new Instruction
        {
            Job = id,
            Account = job.Account,
            Market = market,
            Quantity = granted,
            Open = granted,
            ReferencePrice = price,
            Limit = limit,
            NotBefore = start,
            NotAfter = end,
            Lease = lease.Id.Value,
        };
        _open.Add(instructionId);
        job.InFlight += granted * unit;
        job.ReleasedInInterval += granted;
        job.WaitingSince = now;
        SetCooldown(job.Account, now + _options.AccountCooldown.Ticks);
        _counters.ReleasedInstructions++;
        _counters.ReleasedQuantity += granted;
        instruction = new SellInstruction(
            new InstructionId(instructionId),
            new JobId(id),
            new AccountId(job.Account),
            venue.Market,
            granted,
            limit,
            new DateTimeOffset(start, TimeSpan.Zero),
            new DateTimeOffset(end, TimeSpan.Zero),
            lease.Id);
        return ReleaseOutcome.Released;
    }

    private int ExpireDue(long now)
    {
        var expired = 0;
        _scratchIds.Clear();
        foreach (var id in _open)
        {
            ref var instruction = ref CollectionsMarshal.GetValueRefOrNullRef(_instructions, id);
            if (instruction.Closed)
            {
                continue;
            }

            if (instruction.NotAfter <= now)
            {
                _counters.ExpiredQuantity += instruction.Open;
                ReturnToJob(ref instruction, id, now);
                SettleJob(ref JobRef(instruction.Job), now);
                expired++;
                continue;
            }

            _scratchIds.Add(id);
        }

        // Keep only the instructions still open, in release order.
        _open.Clear();
        _open.AddRange(_scratchIds);
        return expired;
    }

    /// <summary>Returns every open slice of a job to it, counting their quantity as cancelled.</summary>
    private void CancelOpenSlices(long job, long now)
    {
        foreach (var id in _open)
        {
            ref var instruction = ref CollectionsMarshal.GetValueRefOrNullRef(_instructions, id);
            if (!instruction.Closed && instruction.Job == job)
            {
                _counters.CancelledQuantity += instruction.Open;
                ReturnToJob(ref instruction, id, now);
            }
        }
    }

    private void ReturnToJob(ref Instruction instruction, long id, long now)
    {
        ref var job = ref JobRef(instruction.Job);
        job.InFlight = Math.Max(0, job.InFlight - (instruction.Open * Unit(job.Target, instruction.ReferencePrice)));

        // What never reached the market does not count against the job's share of the interval.
        job.ReleasedInInterval = Math.Max(0, job.ReleasedInInterval - instruction.Open);
        _markets[instruction.Market].Throttle.Release(new LeaseId(instruction.Lease));
        instruction.Open = 0;
        CloseInstruction(ref instruction, id, now);
    }

    private void CloseInstruction(ref Instruction instruction, long id, long now)
    {
        instruction.Closed = true;
        instruction.ClosedAt = now;
        instruction.Open = 0;
        _closedInstructions.Enqueue((id, now));
    }

    /// <summary>Completes a job whose work is done, or that can only leave dust; cancels slices a proceeds job no longer needs.</summary>
    private void SettleJob(ref Job job, long now)
    {
        if (job.Status != JobStatus.Active)
        {
            return;
        }

        var remaining = job.Requested - job.Filled;
        if (remaining <= job.Requested * Residue)
        {
            if (job.InFlight > 0)
            {
                // A proceeds job reached its target with slices still open: they are no longer needed.
                CancelOpenSlices(job.Id, now);
            }

            Finish(ref job, JobStatus.Completed, now);
            return;
        }

        if (job.Target == LiquidationTarget.Quantity && job.InFlight <= job.Requested * Residue && remaining < _markets[job.Market].MinimumOrder)
        {
            job.Dust = remaining;
            Finish(ref job, JobStatus.CompletedWithDust, now);
        }
    }

    private void Finish(ref Job job, JobStatus status, long now)
    {
        job.Status = status;
        job.ClosedAt = now;
        job.InFlight = 0;
        _activeByAccount.Remove((job.Account, job.Market));
        _closedJobs.Enqueue((job.Id, now));
        _finished?.Add((job.Account, job.Id));
        if (status != JobStatus.Cancelled)
        {
            _counters.CompletedJobs++;
        }
    }

    /// <summary>Stores a job in a free slot of its market's slab.</summary>
    private void AddJob(in Job job)
    {
        var market = job.Market;
        if (!_freeSlots[market].TryPop(out var index))
        {
            if (_slabUsed[market] == _slabs[market].Length)
            {
                Array.Resize(ref _slabs[market], 2 * _slabs[market].Length);
            }

            index = _slabUsed[market]++;
        }

        _slabs[market][index] = job;
        _jobSlots.Add(job.Id, (market, index));
    }

    /// <summary>The job with this id, or a null reference when it is unknown (or forgotten).</summary>
    private ref Job JobRef(long id)
    {
        if (_jobSlots.TryGetValue(id, out var at))
        {
            return ref _slabs[at.Market][at.Index];
        }

        return ref Unsafe.NullRef<Job>();
    }

    /// <summary>Forgets closed instructions, ended jobs and fill ids older than the retention.</summary>
    private void Prune(long now)
    {
        var horizon = now - _options.Retention.Ticks;
        while (_closedInstructions.TryPeek(out var i) && i.At <= horizon)
        {
            _closedInstructions.Dequeue();
            _instructions.Remove(i.Instruction);
        }

        while (_closedJobs.TryPeek(out var j) && j.At <= horizon)
        {
            _closedJobs.Dequeue();
            if (_jobSlots.Remove(j.Job, out var at))
            {
                // A free slot is not active: the scan passes over it.
                _slabs[at.Market][at.Index] = new Job { Status = JobStatus.Cancelled };
                _freeSlots[at.Market].Push(at.Index);
            }
        }

        while (_fillOrder.TryPeek(out var f) && f.At <= horizon)
        {
            _fillOrder.Dequeue();
            _fills.Remove(f.Fill);
        }
    }

    private enum ReleaseOutcome
    {
        Released,

        /// <summary>The throttle granted, but not a size that leaves no dust; the job waits.</summary>
        Throttled,

        /// <summary>The throttle refused one minimum order: its budget is spent for this tick.</summary>
        Refused,

        Skipped,
    }

    // The fields the tick's scan reads come first, so that they share as few cache lines as possible.
    private struct Job
    {
        public long Id;
        public JobStatus Status;
        public LiquidationTarget Target;
        public double Requested;
        public double Filled;
        public double InFlight;
        public double HealthFactor;
        public long WaitingSince;
        public long IntervalStart;
        public double ReleasedInInterval;

        /// <summary>While active, its account's cooldown end (a copy of the scheduler's, kept in step; 0 for none).</summary>
        public long CooldownUntil;
        public int Account;
        public int Market;
        public double Dust;
        public long ClosedAt;
    }

    private struct Instruction
    {
        public long Job;
        public int Account;
        public int Market;
        public double Quantity;
        public double Open;
        public double ReferencePrice;
        public double Limit;
        public long NotBefore;
        public long NotAfter;
        public long Lease;
        public bool Closed;
        public long ClosedAt;
    }

    private struct Counters
    {
        public long SubmittedJobs;
        public long CompletedJobs;
        public long ReleasedInstructions;
        public double ReleasedQuantity;
        public double FilledQuantity;
        public double ExpiredQuantity;
        public double CancelledQuantity;
        public long DuplicateFills;
        public long LateFills;
    }

    // Ordered by score, then job id; carries the job's slab index, its wanted slice, its share interval before Rank rolled it,
    // and whether the tick has popped it yet.
    private struct Candidate(double score, long job, int index, double wanted, long intervalStart, double releasedInInterval)
    {
        public readonly double Score = score;
        public readonly long Job = job;
        public readonly int Index = index;
        public readonly double Wanted = wanted;
        public readonly long IntervalStart = intervalStart;
        public readonly double ReleasedInInterval = releasedInInterval;
        public bool Popped;

        public readonly bool Precedes(in Candidate other)
        {
            var byScore = Score.CompareTo(other.Score);
            return byScore != 0 ? byScore < 0 : Job < other.Job;
        }
    }

    /// <summary>
    /// A binary min-heap of candidate positions, built in place in O(n): popping gives them in exactly the order a full sort
    /// would (the order is total), at O(log n) each, and what is never popped costs no ordering at all.
    /// </summary>
    private ref struct CandidateHeap
    {
        private readonly Span<int> _items;
        private readonly ReadOnlySpan<Candidate> _candidates;

        public CandidateHeap(Span<int> items, ReadOnlySpan<Candidate> candidates)
        {
            _items = items;
            _candidates = candidates;
            Count = items.Length;
            for (var i = (Count / 2) - 1; i >= 0; i--)
            {
                Down(i);
            }
        }

        public int Count { get; private set; }

        public int Pop()
        {
            var top = _items[0];
            Count--;
            if (Count > 0)
            {
                _items[0] = _items[Count];
                Down(0);
            }

            return top;
        }

        private readonly void Down(int i)
        {
            var item = _items[i];
            ref readonly var value = ref _candidates[item];
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && _candidates[_items[child + 1]].Precedes(_candidates[_items[child]]))
                {
                    child++;
                }

                if (!_candidates[_items[child]].Precedes(value))
                {
                    break;
                }

                _items[i] = _items[child];
                i = child;
            }

            _items[i] = item;
        }
    }
}
