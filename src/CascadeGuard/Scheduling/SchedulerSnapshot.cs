using CascadeGuard.Primitives;

namespace CascadeGuard.Scheduling;

/// <summary>The serialized form of a scheduler's state (versioned JSON). Internal: hosts see only the JSON text.</summary>
internal sealed class SchedulerSnapshot : IVersionedSnapshot
{
    public int Version { get; set; }

    public string? Kind { get; set; }

    public int[]? Markets { get; set; }

    public OptionsState? Options { get; set; }

    public long NextJob { get; set; }

    public long NextInstruction { get; set; }

    public ulong[]? Random { get; set; }

    public List<JobState>? Jobs { get; set; }

    public List<InstructionState>? Instructions { get; set; }

    public List<long>? Open { get; set; }

    public List<long[]>? Fills { get; set; }

    public List<long[]>? Cooldowns { get; set; }

    public CountersState? Counters { get; set; }

    internal sealed class OptionsState
    {
        public double LimitSlippage { get; set; }

        public long StartJitter { get; set; }

        public long ExecutionTime { get; set; }

        public long AccountCooldown { get; set; }

        public double MaxSharePerInterval { get; set; }

        public long ShareInterval { get; set; }

        public double AgingPerMinute { get; set; }

        public long Retention { get; set; }

        public ulong Seed { get; set; }
    }

    internal sealed class JobState
    {
        public long Id { get; set; }

        public int Account { get; set; }

        public int Market { get; set; }

        public LiquidationTarget Target { get; set; }

        public double Requested { get; set; }

        public double Filled { get; set; }

        public double InFlight { get; set; }

        public double HealthFactor { get; set; }

        public long WaitingSince { get; set; }

        public long IntervalStart { get; set; }

        public double ReleasedInInterval { get; set; }

        public JobStatus Status { get; set; }

        public double Dust { get; set; }

        public long ClosedAt { get; set; }
    }

    internal sealed class InstructionState
    {
        public long Id { get; set; }

        public long Job { get; set; }

        public int Account { get; set; }

        public int Market { get; set; }

        public double Quantity { get; set; }

        public double Open { get; set; }

        public double ReferencePrice { get; set; }

        public double Limit { get; set; }

        public long NotBefore { get; set; }

        public long NotAfter { get; set; }

        public long Lease { get; set; }

        public bool Closed { get; set; }

        public long ClosedAt { get; set; }
    }

    internal sealed class CountersState
    {
        public long SubmittedJobs { get; set; }

        public long CompletedJobs { get; set; }

        public long ReleasedInstructions { get; set; }

        public double ReleasedQuantity { get; set; }

        public double FilledQuantity { get; set; }

        public double ExpiredQuantity { get; set; }

        public double CancelledQuantity { get; set; }

        public long DuplicateFills { get; set; }

        public long LateFills { get; set; }
    }
}
