using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Scheduling;

public class LiquidationSchedulerPropertyTests
{
    private const double MinimumOrder = 1.0;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] Prices = [2000.0, 30.0];

    // One step of a random session: 0 submit, 1 tick, 2 fill, 3 duplicate fill, 4 cancel an instruction, 5 cancel a job.
    private static readonly Gen<(int Kind, int A, double B, double C)> Step =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1000], Gen.Double[0, 1], Gen.Double[0, 1]);

    private static readonly Gen<(int Kind, int A, double B, double C)[]> Session = Step.Array[1, 80];

    private static LiquidationSchedulerOptions Options(ulong seed) => new()
    {
        Seed = seed,
        AccountCooldown = TimeSpan.FromSeconds(3),
        MaxSharePerInterval = 0.5,
        ShareInterval = TimeSpan.FromSeconds(30),
        ExecutionTime = TimeSpan.FromSeconds(20),
        StartJitter = TimeSpan.FromSeconds(5),
        Retention = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public void Random_sessions_keep_every_invariant()
    {
        Gen.Select(Session, Gen.ULong).Sample(
            (steps, seed) =>
            {
                var time = new FakeTimeProvider(Start);
                var throttles = new[] { new BudgetThrottle(new MarketId(0), 10), new BudgetThrottle(new MarketId(1), 40) };
                var scheduler = new LiquidationScheduler(
                    [new SchedulerMarket(throttles[0], MinimumOrder, 6), new SchedulerMarket(throttles[1], MinimumOrder)], Options(seed), time);
                var model = new Model();
                var buffer = new SellInstruction[8];
                double budgetIn0 = 10, budgetIn1 = 40;
                foreach (var (kind, a, b, c) in steps)
                {
                    switch (kind)
                    {
                        case 0:
                            var request = new LiquidationRequest(new AccountId(a % 7), new MarketId(a % 2), LiquidationTarget.Quantity, 0.5 + (b * 20), c);
                            var submitted = scheduler.Submit(request);
                            if (submitted.IsAccepted)
                            {
                                model.Jobs[submitted.Job.Value] = (request.Amount, 0.0);
                            }

                            break;
                        case 1:
                            time.Advance(TimeSpan.FromSeconds(b * 25));
                            var add = c * 8;
                            throttles[a % 2].Budget += add;
                            if (a % 2 == 0) { budgetIn0 += add; } else { budgetIn1 += add; }

                            var active = model.Jobs.Keys.Where(j => scheduler.TryGetJob(new JobId(j), out var v) && v.Status == JobStatus.Active).ToHashSet();
                            var summary = scheduler.Tick(Prices, buffer);
                            foreach (var instruction in buffer[..summary.Released])
                            {
                                active.Should().Contain(instruction.Job.Value, "no slice is released for a finished job");
                                instruction.Quantity.Should().BeGreaterThanOrEqualTo(MinimumOrder);
                                throttles[instruction.Market.Value].Grants.Should().Contain((instruction.Lease, instruction.Quantity));
                                model.Open[instruction.Id.Value] = (instruction.Job.Value, instruction.Quantity);
                            }

                            break;
                        case 2 or 3 when model.Open.Count > 0:
                            var (instructionId, (jobId, open)) = model.Open.ElementAt(a % model.Open.Count);
                            var quantity = Math.Max(open * b, 1e-9);
                            var fillId = kind == 3 && model.FillIds.Count > 0 ? model.FillIds[a % model.FillIds.Count] : model.NextFill++;
                            try
                            {
                                var outcome = scheduler.ApplyFill(new FillReport(fillId, new InstructionId(instructionId), quantity, 1990));
                                if (outcome == FillOutcome.Duplicate)
                                {
                                    model.FillIds.Should().Contain(fillId);
                                    break;
                                }

                                model.FillIds.Add(fillId);
                                var (requested, filled) = model.Jobs[jobId];
                                model.Jobs[jobId] = (requested, filled + quantity);
                                model.Open[instructionId] = (jobId, open - quantity);
                            }
                            catch (FillRejectedException)
                            {
                                // A closed slice whose job has less left than the fill: nothing changed.
                            }

                            break;
                        case 4 when model.Open.Count > 0:
                            scheduler.Cancel(new InstructionId(model.Open.Keys.ElementAt(a % model.Open.Count)));
                            break;
                        case 5 when model.Jobs.Count > 0:
                            scheduler.CancelJob(new JobId(model.Jobs.Keys.ElementAt(a % model.Jobs.Count)));
                            break;
                    }

                    // Every unit is accounted for: filled + in flight + still to release + dust = requested.
                    foreach (var (job, (requested, filled)) in model.Jobs)
                    {
                        if (!scheduler.TryGetJob(new JobId(job), out var view))
                        {
                            continue;
                        }

                        view.Filled.Should().BeApproximately(filled, 1e-9 * requested);
                        var toRelease = view.Status == JobStatus.Active ? requested - view.Filled - view.InFlight : 0;
                        toRelease.Should().BeGreaterThanOrEqualTo(-1e-9 * requested);
                        if (view.Status == JobStatus.Completed)
                        {
                            view.Filled.Should().BeApproximately(requested, 1e-9 * requested);
                        }

                        if (view.Status == JobStatus.CompletedWithDust)
                        {
                            (view.Filled + view.Dust).Should().BeApproximately(requested, 1e-9 * requested);
                            view.Dust.Should().BeLessThan(MinimumOrder);
                        }
                    }

                    // The throttles' budgets are conserved: what was put in is either still available, in flight or committed.
                    throttles[0].Budget.Should().BeGreaterThanOrEqualTo(-1e-9);
                    (throttles[0].Budget + throttles[0].Committed + OpenOn(model, scheduler, 0)).Should().BeApproximately(budgetIn0, 1e-6);
                    (throttles[1].Budget + throttles[1].Committed + OpenOn(model, scheduler, 1)).Should().BeApproximately(budgetIn1, 1e-6);
                }
            },
            iter: 3000);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_schedules_and_restore_continues_exactly()
    {
        Gen.Select(Session, Gen.ULong, Gen.Int[0, 79]).Sample(
            (steps, seed, cut) =>
            {
                var full = Run(steps, seed, cut: null);
                Run(steps, seed, cut: null).Should().Equal(full);
                Run(steps, seed, cut: Math.Min(cut, steps.Length)).Should().Equal(full);
            },
            iter: 1000);
    }

    /// <summary>Runs a session with unlimited throttles; with <paramref name="cut"/>, saves and restores scheduler and throttles there.</summary>
    private static List<string> Run((int Kind, int A, double B, double C)[] steps, ulong seed, int? cut)
    {
        var time = new FakeTimeProvider(Start);
        IVolumeThrottle[] throttles = [new UnlimitedVolumeThrottle(new MarketId(0)), new UnlimitedVolumeThrottle(new MarketId(1))];
        SchedulerMarket[] Markets() => [new SchedulerMarket(throttles[0], MinimumOrder, 6), new SchedulerMarket(throttles[1], MinimumOrder)];
        var scheduler = new LiquidationScheduler(Markets(), Options(seed), time);
        var log = new List<string>();
        var open = new List<SellInstruction>();
        var buffer = new SellInstruction[8];
        long nextFill = 1;
        for (var i = 0; i < steps.Length; i++)
        {
            if (i == cut)
            {
                throttles = [UnlimitedVolumeThrottle.Restore(throttles[0].SaveSnapshot()), UnlimitedVolumeThrottle.Restore(throttles[1].SaveSnapshot())];
                scheduler = LiquidationScheduler.Restore(scheduler.SaveSnapshot(), Markets(), time);
            }

            var (kind, a, b, c) = steps[i];
            switch (kind)
            {
                case 0:
                    log.Add(scheduler.Submit(new LiquidationRequest(new AccountId(a % 7), new MarketId(a % 2), LiquidationTarget.Quantity, 0.5 + (b * 20), c)).ToString());
                    break;
                case 1:
                    time.Advance(TimeSpan.FromSeconds(b * 25));
                    var summary = scheduler.Tick(Prices, buffer);
                    log.Add(summary.ToString());
                    foreach (var instruction in buffer[..summary.Released])
                    {
                        log.Add(instruction.ToString());
                        open.Add(instruction);
                    }

                    break;
                case 2 or 3 when open.Count > 0:
                    var target = open[a % open.Count];
                    try
                    {
                        log.Add(scheduler.ApplyFill(new FillReport(kind == 3 ? 1 : nextFill++, target.Id, Math.Max(target.Quantity * b * 0.5, 1e-6), 1990)).ToString());
                    }
                    catch (FillRejectedException e)
                    {
                        log.Add(e.Reason.ToString());
                    }

                    break;
                case 4 when open.Count > 0:
                    log.Add(scheduler.Cancel(open[a % open.Count].Id).ToString());
                    break;
                case 5:
                    log.Add(scheduler.CancelJob(new JobId(1 + (a % 10))).ToString());
                    break;
            }

            log.Add(scheduler.GetStatistics().ToString());
        }

        return log;
    }

    private static double OpenOn(Model model, LiquidationScheduler scheduler, int market)
    {
        // In-flight quantity of the market's active jobs, as the scheduler reports it.
        var total = 0.0;
        foreach (var job in model.Jobs.Keys)
        {
            if (scheduler.TryGetJob(new JobId(job), out var view) && view.Market.Value == market)
            {
                total += view.InFlight;
            }
        }

        return total;
    }

    private sealed class Model
    {
        public Dictionary<long, (double Requested, double Filled)> Jobs { get; } = [];

        public Dictionary<long, (long Job, double Open)> Open { get; } = [];

        public List<long> FillIds { get; } = [];

        public long NextFill { get; set; } = 1;
    }
}
