using System.Diagnostics;
using System.Globalization;
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
    private readonly List<long>[] _marketJobs;
    private readonly Dictionary<long, Job> _jobs = [];
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
        _marketJobs = new List<long>[_markets.Length];
        for (var i = 0; i < _markets.Length; i++)
        {
            Guard.NotNull(_markets[i], "markets");
            if (!_marketIndex.TryAdd(_markets[i].Market.Value, i))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{_markets[i].Market} is listed twice."), nameof(markets));
            }

            _marketJobs[i] = [];
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
        _jobs[id] = new Job
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
            Slot = _marketJobs[market].Count,
            CooldownUntil = _cooldownUntil.GetValueOrDefault(request.Account.Value),
        };
        _activeByAccount[key] = id;
        _marketJobs[market].Add(id);
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
            // thousands of jobs wait, and only the released head needs to be in order.
            var heap = new CandidateHeap(Rank(m, now, price));
            var throttle = _markets[m].Throttle;
            var atomic = throttle is ITickAtomicThrottle { IsTickAtomic: true } a ? a : null;
            while (heap.Count > 0)
            {
                if (count == released.Length)
                {
                    full = true;
                    Unrank(heap.Remaining);
                    break;
                }

                var candidate = heap.Pop();
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
                        var (refused, wanted) = CountWanting(heap.Remaining);
                        deniedNotional += wanted * price;
                        atomic.RecordRefusals(_markets[m].MinimumOrder, refused);
                        throttled += refused;
                        break;
                    }
                }
            }
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
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref instruction) || !_jobs.ContainsKey(instruction.Job))
        {
            throw new FillRejectedException(FillRejection.UnknownInstruction, fill, "the scheduler did not issue this instruction or has forgotten it");
        }

        ref var job = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, instruction.Job);
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
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref state))
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
        ref var job = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, state.Job);
        SettleJob(ref job, now);
        return CancelOutcome.Cancelled;
    }

    /// <summary>Cancels a job and every open slice of it (for example when the account was repaid or routed elsewhere).</summary>
    /// <param name="job">The job.</param>
    /// <returns>Whether it was cancelled.</returns>
    public CancelOutcome CancelJob(JobId job)
    {
        ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, job.Value);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref state))
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
        if (!_jobs.TryGetValue(job.Value, out var j))
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
        var jobs = _marketJobs[market];
        if (_candidates.Length < jobs.Count)
        {
            _candidates = new Candidate[Math.Max(jobs.Count, 2 * _candidates.Length)];
        }

        var n = 0;
        var agingPerTick = _options.AgingPerMinute / TimeSpan.TicksPerMinute;
        foreach (var id in jobs)
        {
            ref var job = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, id);
            if (job.Requested - job.Filled - job.InFlight <= job.Requested * Residue || now < job.CooldownUntil)
            {
                continue;
            }

            var intervalStart = job.IntervalStart;
            var releasedInInterval = job.ReleasedInInterval;
            if (now - job.IntervalStart >= _options.ShareInterval.Ticks)
            {
                job.IntervalStart = now;
                job.ReleasedInInterval = 0;
            }

            _candidates[n++] = new Candidate(job.HealthFactor - (agingPerTick * (now - job.WaitingSince)), id, Wanted(ref job, market, price), intervalStart, releasedInInterval);
        }

        return _candidates.AsSpan(0, n);
    }

    /// <summary>Starts an account's cooldown, and copies it to the account's active jobs, where ranking reads it.</summary>
    private void SetCooldown(int account, long until)
    {
        _cooldownUntil[account] = until;
        for (var m = 0; m < _markets.Length; m++)
        {
            if (_activeByAccount.TryGetValue((account, m), out var id))
            {
                CollectionsMarshal.GetValueRefOrNullRef(_jobs, id).CooldownUntil = until;
            }
        }
    }

    /// <summary>Restores the share interval of jobs ranked but not processed.</summary>
    private void Unrank(ReadOnlySpan<Candidate> candidates)
    {
        foreach (var c in candidates)
        {
            ref var job = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, c.Job);
            job.IntervalStart = c.IntervalStart;
            job.ReleasedInInterval = c.ReleasedInInterval;
        }
    }

    /// <summary>
    /// Jobs among <paramref name="candidates"/> that want a slice (the others would be skipped, not refused), and the
    /// quantity they want.
    /// </summary>
    private static (int Count, double Wanted) CountWanting(ReadOnlySpan<Candidate> candidates)
    {
        var n = 0;
        var wanted = 0.0;
        foreach (var c in candidates)
        {
            if (c.Wanted >= 0)
            {
                n++;
                wanted += c.Wanted;
            }
        }

        return (n, wanted);
    }

    /// <summary>The slice a job wants now (its share interval already rolled), or −1 when it wants less than one minimum order.</summary>
    private double Wanted(ref Job job, int market, double price)
    {
        var venue = _markets[market];
        var min = venue.MinimumOrder;
        var open = (job.Requested - job.Filled - job.InFlight) / Unit(job.Target, price);

        // Proceeds jobs sell at least one minimum order even for a small remaining amount (overshooting slightly);
        // quantity jobs keep their remainder at zero or at least one minimum order.
        if (job.Target == LiquidationTarget.Proceeds)
        {
            open = Math.Max(open, min);
        }

        var cap = _options.MaxSharePerInterval >= 1
            ? double.PositiveInfinity
            : Math.Max(_options.MaxSharePerInterval * job.Requested / Unit(job.Target, price), min) - job.ReleasedInInterval;
        var wanted = Math.Min(open, Math.Min(venue.MaximumSlice, cap));
        if (open - wanted > 0 && open - wanted < min)
        {
            // A slice grows to take a dusty remainder with it rather than leave it behind (by less than one minimum order).
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
        ref var job = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, id);

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
                ref var job = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, instruction.Job);
                SettleJob(ref job, now);
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
        ref var job = ref CollectionsMarshal.GetValueRefOrNullRef(_jobs, instruction.Job);
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
        RemoveFromMarket(job.Market, job.Slot);
        _closedJobs.Enqueue((job.Id, now));
        _finished?.Add((job.Account, job.Id));
        if (status != JobStatus.Cancelled)
        {
            _counters.CompletedJobs++;
        }
    }

    /// <summary>
    /// Removes a job from its market's list in O(1) by moving the last one into its slot (the order of the list does not
    /// matter: candidates are ordered by score and id).
    /// </summary>
    private void RemoveFromMarket(int market, int slot)
    {
        var jobs = _marketJobs[market];
        var last = jobs.Count - 1;
        if (slot != last)
        {
            var moved = jobs[last];
            jobs[slot] = moved;
            CollectionsMarshal.GetValueRefOrNullRef(_jobs, moved).Slot = slot;
        }

        jobs.RemoveAt(last);
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
            _jobs.Remove(j.Job);
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

    private struct Job
    {
        public long Id;
        public int Account;
        public int Market;
        public LiquidationTarget Target;
        public double Requested;
        public double Filled;
        public double InFlight;
        public double HealthFactor;
        public long WaitingSince;
        public long IntervalStart;
        public double ReleasedInInterval;
        public JobStatus Status;
        public double Dust;
        public long ClosedAt;

        /// <summary>Position in its market's list of active jobs.</summary>
        public int Slot;

        /// <summary>While active, its account's cooldown end (a copy of the scheduler's, kept in step; 0 for none).</summary>
        public long CooldownUntil;
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

    // Ordered by score, then job id; carries the job's wanted slice and its share interval before Rank rolled it.
    // Comparing through IComparable (not a comparer argument, which the runtime wraps in a delegate) keeps the tick free of
    // allocation.
    private readonly record struct Candidate(double Score, long Job, double Wanted, long IntervalStart, double ReleasedInInterval) : IComparable<Candidate>
    {
        public int CompareTo(Candidate other)
        {
            var byScore = Score.CompareTo(other.Score);
            return byScore != 0 ? byScore : Job.CompareTo(other.Job);
        }
    }

    /// <summary>
    /// A binary min-heap over the ranked candidates, built in place in O(n): popping gives them in exactly the order a full
    /// sort would (the order is total), at O(log n) each, and what is never popped costs no ordering at all.
    /// </summary>
    private ref struct CandidateHeap
    {
        private readonly Span<Candidate> _items;

        public CandidateHeap(Span<Candidate> items)
        {
            _items = items;
            Count = items.Length;
            for (var i = (Count / 2) - 1; i >= 0; i--)
            {
                Down(i);
            }
        }

        public int Count { get; private set; }

        /// <summary>The candidates not popped yet, in heap order.</summary>
        public readonly ReadOnlySpan<Candidate> Remaining => _items[..Count];

        public Candidate Pop()
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
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && _items[child + 1].CompareTo(_items[child]) < 0)
                {
                    child++;
                }

                if (_items[child].CompareTo(item) >= 0)
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
