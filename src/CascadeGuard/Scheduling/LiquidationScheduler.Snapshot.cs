using System.Runtime.InteropServices;
using CascadeGuard.Primitives;

namespace CascadeGuard.Scheduling;

/// <content>Saving the whole state as versioned JSON and restoring it.</content>
public sealed partial class LiquidationScheduler
{
    private const int SnapshotVersion = 1;
    private const string SnapshotKind = "liquidation-scheduler";

    /// <summary>
    /// Saves the whole state (jobs, open and retained slices, applied fill ids, cooldowns, the generator's state, counters and
    /// options) as versioned JSON. The markets' throttles are saved by their own snapshots.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string SaveSnapshot()
    {
        var snapshot = new SchedulerSnapshot
        {
            Version = SnapshotVersion,
            Kind = SnapshotKind,
            Markets = [.. _markets.Select(m => m.Market.Value)],
            Options = new SchedulerSnapshot.OptionsState
            {
                LimitSlippage = _options.LimitSlippage,
                StartJitter = _options.StartJitter.Ticks,
                ExecutionTime = _options.ExecutionTime.Ticks,
                AccountCooldown = _options.AccountCooldown.Ticks,
                MaxSharePerInterval = _options.MaxSharePerInterval,
                ShareInterval = _options.ShareInterval.Ticks,
                AgingPerMinute = _options.AgingPerMinute,
                Retention = _options.Retention.Ticks,
                Seed = _options.Seed,
            },
            NextJob = _nextJob,
            NextInstruction = _nextInstruction,
            Random = _random.State,
            Jobs = [.. _jobSlots.Values.Select(at => _slabs[at.Market][at.Index]).OrderBy(j => j.Id).Select(j => new SchedulerSnapshot.JobState
            {
                Id = j.Id, Account = j.Account, Market = j.Market, Target = j.Target, Requested = j.Requested, Filled = j.Filled,
                InFlight = j.InFlight, HealthFactor = j.HealthFactor, WaitingSince = j.WaitingSince, IntervalStart = j.IntervalStart,
                ReleasedInInterval = j.ReleasedInInterval, Status = j.Status, Dust = j.Dust, ClosedAt = j.ClosedAt,
            })],
            Instructions = [.. _instructions.OrderBy(i => i.Key).Select(i => new SchedulerSnapshot.InstructionState
            {
                Id = i.Key, Job = i.Value.Job, Account = i.Value.Account, Market = i.Value.Market, Quantity = i.Value.Quantity,
                Open = i.Value.Open, ReferencePrice = i.Value.ReferencePrice, Limit = i.Value.Limit, NotBefore = i.Value.NotBefore,
                NotAfter = i.Value.NotAfter, Lease = i.Value.Lease, Closed = i.Value.Closed, ClosedAt = i.Value.ClosedAt,
            })],
            Open = [.. _open.Where(id => !_instructions[id].Closed)],
            Fills = [.. _fillOrder.Select(f => new[] { f.Fill, f.At })],
            Cooldowns = [.. _cooldownUntil.OrderBy(c => c.Key).Select(c => new[] { c.Key, c.Value })],
            Counters = new SchedulerSnapshot.CountersState
            {
                SubmittedJobs = _counters.SubmittedJobs, CompletedJobs = _counters.CompletedJobs,
                ReleasedInstructions = _counters.ReleasedInstructions, ReleasedQuantity = _counters.ReleasedQuantity,
                FilledQuantity = _counters.FilledQuantity, ExpiredQuantity = _counters.ExpiredQuantity,
                CancelledQuantity = _counters.CancelledQuantity, DuplicateFills = _counters.DuplicateFills,
                LateFills = _counters.LateFills,
            },
        };
        return SnapshotJson.Write(snapshot, SchedulingJsonContext.Default.SchedulerSnapshot);
    }

    /// <summary>
    /// Restores a scheduler saved by <see cref="SaveSnapshot"/>. Continuing the restored scheduler gives exactly the instructions
    /// the original would have released, provided the markets' throttles are restored from their own snapshots too.
    /// </summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="markets">The same markets, in the same order, as the saved scheduler's.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The scheduler.</returns>
    /// <exception cref="ArgumentException">The snapshot is malformed or does not match the markets; the message names the field.</exception>
    public static LiquidationScheduler Restore(string json, IReadOnlyList<SchedulerMarket> markets, TimeProvider timeProvider)
    {
        Guard.NotNull(json);
        Guard.NotNull(markets);
        var s = SnapshotJson.Read(json, SchedulingJsonContext.Default.SchedulerSnapshot, SnapshotVersion);
        SnapshotJson.Check(s.Kind == SnapshotKind, "kind", s.Kind, $"must be '{SnapshotKind}'");
        SnapshotJson.Check(s.Markets is not null && s.Markets.SequenceEqual(markets.Select(m => m.Market.Value)), "markets", s.Markets is null ? null : string.Join(",", s.Markets));
        var o = SnapshotJson.Present(s.Options, "options");
        var options = new LiquidationSchedulerOptions
        {
            LimitSlippage = o.LimitSlippage,
            StartJitter = TimeSpan.FromTicks(o.StartJitter),
            ExecutionTime = TimeSpan.FromTicks(o.ExecutionTime),
            AccountCooldown = TimeSpan.FromTicks(o.AccountCooldown),
            MaxSharePerInterval = o.MaxSharePerInterval,
            ShareInterval = TimeSpan.FromTicks(o.ShareInterval),
            AgingPerMinute = o.AgingPerMinute,
            Retention = TimeSpan.FromTicks(o.Retention),
            Seed = o.Seed,
        };
        SnapshotJson.Check(options.Validate().Count == 0, "options", string.Join(" ", options.Validate()));
        var scheduler = new LiquidationScheduler(markets, options, timeProvider);
        SnapshotJson.Check(SplitMixRandom.TryRestore(s.Random, out scheduler._random), "random", s.Random is null ? null : string.Join(",", s.Random));
        SnapshotJson.Check(s.NextJob >= 1 && s.NextInstruction >= 1, "nextJob", s.NextJob);
        scheduler._nextJob = s.NextJob;
        scheduler._nextInstruction = s.NextInstruction;

        foreach (var j in SnapshotJson.Present(s.Jobs, "jobs"))
        {
            SnapshotJson.Check(j.Id >= 1 && j.Id < s.NextJob && !scheduler._jobSlots.ContainsKey(j.Id), "jobs.id", j.Id);
            SnapshotJson.Check(j.Market >= 0 && j.Market < markets.Count, "jobs.market", j.Market);
            SnapshotJson.Check(double.IsFinite(j.Requested) && j.Requested > 0 && double.IsFinite(j.Filled) && double.IsFinite(j.InFlight) && j.InFlight >= 0, "jobs.amounts", j.Id);
            scheduler.AddJob(new Job
            {
                Id = j.Id, Account = j.Account, Market = j.Market, Target = j.Target, Requested = j.Requested, Filled = j.Filled,
                InFlight = j.InFlight, HealthFactor = j.HealthFactor, WaitingSince = j.WaitingSince, IntervalStart = j.IntervalStart,
                ReleasedInInterval = j.ReleasedInInterval, Status = j.Status, Dust = j.Dust, ClosedAt = j.ClosedAt,
            });
            if (j.Status == JobStatus.Active)
            {
                SnapshotJson.Check(scheduler._activeByAccount.TryAdd((j.Account, j.Market), j.Id), "jobs.account", j.Account);
            }
            else
            {
                scheduler._closedJobs.Enqueue((j.Id, j.ClosedAt));
            }
        }

        foreach (var i in SnapshotJson.Present(s.Instructions, "instructions").OrderBy(i => i.Closed ? i.ClosedAt : long.MaxValue).ThenBy(i => i.Id))
        {
            SnapshotJson.Check(i.Id >= 1 && i.Id < s.NextInstruction && scheduler._jobSlots.ContainsKey(i.Job), "instructions.id", i.Id);
            SnapshotJson.Check(i.Market >= 0 && i.Market < markets.Count && double.IsFinite(i.Open) && i.Open >= 0, "instructions.open", i.Id);
            scheduler._instructions[i.Id] = new Instruction
            {
                Job = i.Job, Account = i.Account, Market = i.Market, Quantity = i.Quantity, Open = i.Open, ReferencePrice = i.ReferencePrice,
                Limit = i.Limit, NotBefore = i.NotBefore, NotAfter = i.NotAfter, Lease = i.Lease, Closed = i.Closed, ClosedAt = i.ClosedAt,
            };
            if (i.Closed)
            {
                scheduler._closedInstructions.Enqueue((i.Id, i.ClosedAt));
            }
        }

        foreach (var id in SnapshotJson.Present(s.Open, "open"))
        {
            SnapshotJson.Check(scheduler._instructions.TryGetValue(id, out var i) && !i.Closed, "open", id);
            scheduler._open.Add(id);
        }

        foreach (var f in SnapshotJson.Present(s.Fills, "fills"))
        {
            SnapshotJson.Check(f is { Length: 2 } && scheduler._fills.TryAdd(f[0], f[1]), "fills", f is null ? null : string.Join(",", f));
            scheduler._fillOrder.Enqueue((f![0], f[1]));
        }

        foreach (var c in SnapshotJson.Present(s.Cooldowns, "cooldowns"))
        {
            SnapshotJson.Check(c is { Length: 2 } && c[0] >= 0 && c[0] <= int.MaxValue, "cooldowns", c is null ? null : string.Join(",", c));
            scheduler._cooldownUntil[(int)c![0]] = c[1];
        }

        foreach (var ((account, _), id) in scheduler._activeByAccount)
        {
            scheduler.JobRef(id).CooldownUntil = scheduler._cooldownUntil.GetValueOrDefault(account);
        }

        var k = SnapshotJson.Present(s.Counters, "counters");
        scheduler._counters = new Counters
        {
            SubmittedJobs = k.SubmittedJobs, CompletedJobs = k.CompletedJobs, ReleasedInstructions = k.ReleasedInstructions,
            ReleasedQuantity = k.ReleasedQuantity, FilledQuantity = k.FilledQuantity, ExpiredQuantity = k.ExpiredQuantity,
            CancelledQuantity = k.CancelledQuantity, DuplicateFills = k.DuplicateFills, LateFills = k.LateFills,
        };
        return scheduler;
    }

}
