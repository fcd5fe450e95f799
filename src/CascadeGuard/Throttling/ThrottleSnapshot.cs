using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Throttling;

// The saved form of a throttle. Times are UTC ticks so that restore is exact; doubles round-trip exactly through
// System.Text.Json. Version 1; a reader refuses any other version.

internal sealed class ThrottleSnapshot : IVersionedSnapshot
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; }

    public string? Kind { get; set; }

    public int Market { get; set; }

    public long Origin { get; set; }

    public long Clock { get; set; }

    public OptionsState? Options { get; set; }

    public DepthState? Depth { get; set; }

    public double Deficit { get; set; }

    public long DeficitAt { get; set; }

    public TrailingVolumeState? Volume { get; set; }

    public long IntervalNumber { get; set; }

    public double IntervalNotional { get; set; }

    public double Volatility { get; set; }

    public double Vpin { get; set; }

    public LeaseBookState? Leases { get; set; }

    public static string Write(ThrottleSnapshot snapshot) => SnapshotJson.Write(snapshot, ThrottlingJsonContext.Default.ThrottleSnapshot);

    /// <summary>Reads a snapshot of one kind of throttle, checking the fields every kind has.</summary>
    public static ThrottleSnapshot Read(string json, string kind)
    {
        var snapshot = SnapshotJson.Read(json, ThrottlingJsonContext.Default.ThrottleSnapshot, CurrentVersion);
        SnapshotJson.Check(snapshot.Kind == kind, "kind", snapshot.Kind, $"must be '{kind}'");
        SnapshotJson.Check(snapshot.Market >= 0, "market", snapshot.Market, "must be zero or positive");
        SnapshotJson.CheckUtcTicks(snapshot.Origin, "origin");
        SnapshotJson.Check(snapshot.Clock >= snapshot.Origin && snapshot.Clock <= DateTimeOffset.MaxValue.UtcTicks, "clock", snapshot.Clock, "must be a valid UTC tick count, not before origin");
        return snapshot;
    }
}

internal sealed class OptionsState
{
    public double MaxSlippageBps { get; set; }

    public SlippageMeasure SlippageMeasure { get; set; }

    public SlippageReference SlippageReference { get; set; }

    public double DepthParticipation { get; set; }

    public double VolumeParticipation { get; set; }

    public long VolumeWindow { get; set; }

    public int VolumeWindowBuckets { get; set; }

    public double MaxNotionalPerInterval { get; set; }

    public long NotionalInterval { get; set; }

    public long RecoveryHalfLife { get; set; }

    public long MaxDepthAge { get; set; }

    public double ReferenceVolatility { get; set; }

    public double VpinThreshold { get; set; }

    public double VpinCeiling { get; set; }

    public double MinimumMultiplier { get; set; }

    public int MaxOpenLeases { get; set; }
}

internal sealed class DepthState
{
    public double Quantity { get; set; }

    public double ReferencePrice { get; set; }

    public long ObservedAt { get; set; }
}

internal sealed class TrailingVolumeState
{
    public long[]? Number { get; set; }

    public double[]? Market { get; set; }

    public double[]? Own { get; set; }
}

internal sealed class LeaseBookState
{
    public long NextId { get; set; }

    public double InFlight { get; set; }

    public double Granted { get; set; }

    public double Committed { get; set; }

    public double Released { get; set; }

    public long GrantedCount { get; set; }

    public long DeniedCount { get; set; }

    public OpenLeaseState[]? Open { get; set; }
}

internal sealed class OpenLeaseState
{
    public long Id { get; set; }

    public double Remaining { get; set; }
}
