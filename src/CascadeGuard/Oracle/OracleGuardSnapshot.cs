using System.Numerics;
using CascadeGuard.Primitives;

namespace CascadeGuard.Oracle;

/// <summary>The JSON shape of an <see cref="OracleGuard"/> snapshot (version 1). Times are UTC ticks.</summary>
internal sealed class OracleGuardSnapshot : IVersionedSnapshot
{
    public int Version { get; set; }

    public int Asset { get; set; }

    public OracleGuardOptions Options { get; set; } = null!;

    /// <summary>Per source: timestamp of the last accepted quote, or <see cref="long.MinValue"/> for none.</summary>
    public long[] SourceTicks { get; set; } = [];

    public double[] SourcePrices { get; set; } = [];

    public long[] Ticks { get; set; } = [];

    public double[] Prices { get; set; } = [];

    public double[] Emas { get; set; } = [];

    public double LatestCandidate { get; set; }

    /// <summary>Timestamp of the newest admitted quote, or <see cref="long.MinValue"/> for none.</summary>
    public long NewestAdmittedTicks { get; set; } = long.MinValue;

    public int PendingDirection { get; set; }

    public int PendingCount { get; set; }

    public uint PendingSources { get; set; }

    public bool LastAdmissionConfirmed { get; set; }

    public long AcceptedQuotes { get; set; }

    public long HeldQuotes { get; set; }

    public long Confirmations { get; set; }

    public long LastLatencyTicks { get; set; }

    public long MaxLatencyTicks { get; set; }

    public double MeanLatencyTicks { get; set; }

    /// <summary>Checks that the document describes a state a guard could have reached.</summary>
    public void Validate()
    {
        SnapshotJson.CheckNotNull(Options, "options");
        Options.Validate();
        SnapshotJson.Check(Asset >= 0, "asset", Asset, "must be zero or positive");
        var sources = Options.SourceCount;
        SnapshotJson.CheckNotNull(SourceTicks, "sourceTicks");
        SnapshotJson.CheckNotNull(SourcePrices, "sourcePrices");
        SnapshotJson.Check(SourceTicks.Length == sources, "sourceTicks.length", SourceTicks.Length, "must equal options.sourceCount");
        SnapshotJson.Check(SourcePrices.Length == sources, "sourcePrices.length", SourcePrices.Length, "must equal options.sourceCount");
        var anySeen = false;
        for (var i = 0; i < sources; i++)
        {
            if (SourceTicks[i] == long.MinValue)
            {
                SnapshotJson.Check(SourcePrices[i] == 0, $"sourcePrices[{i}]", SourcePrices[i], "must be 0 for a source without quotes");
                continue;
            }

            anySeen = true;
            SnapshotJson.CheckUtcTicks(SourceTicks[i], $"sourceTicks[{i}]");
            SnapshotJson.CheckFinitePositive(SourcePrices[i], $"sourcePrices[{i}]");
        }

        SnapshotJson.CheckNotNull(Ticks, "ticks");
        SnapshotJson.CheckNotNull(Prices, "prices");
        SnapshotJson.CheckNotNull(Emas, "emas");
        var count = Ticks.Length;
        SnapshotJson.Check(count <= Options.Capacity, "ticks.length", count, "must be at most options.capacity");
        SnapshotJson.Check(Prices.Length == count, "prices.length", Prices.Length, "must equal ticks.length");
        SnapshotJson.Check(Emas.Length == count, "emas.length", Emas.Length, "must equal ticks.length");
        for (var i = 0; i < count; i++)
        {
            SnapshotJson.CheckUtcTicks(Ticks[i], $"ticks[{i}]");
            SnapshotJson.Check(i == 0 || Ticks[i] > Ticks[i - 1], $"ticks[{i}]", Ticks[i], "must be later than the previous entry");
            SnapshotJson.CheckFinitePositive(Prices[i], $"prices[{i}]");
            SnapshotJson.CheckFinitePositive(Emas[i], $"emas[{i}]");
        }

        SnapshotJson.Check(anySeen == (count > 0), "ticks.length", count, "must be positive exactly when some source has a quote");
        if (count == 0)
        {
            SnapshotJson.Check(NewestAdmittedTicks == long.MinValue, "newestAdmittedTicks", NewestAdmittedTicks, "must be long.MinValue before any admission");
        }
        else
        {
            SnapshotJson.CheckUtcTicks(NewestAdmittedTicks, "newestAdmittedTicks");
            SnapshotJson.Check(NewestAdmittedTicks >= Ticks[count - 1], "newestAdmittedTicks", NewestAdmittedTicks, "must be at least the newest entry's time");
        }

        SnapshotJson.Check(anySeen ? double.IsFinite(LatestCandidate) && LatestCandidate > 0 : LatestCandidate == 0, "latestCandidate", LatestCandidate, "must be positive after a quote and 0 before");
        SnapshotJson.Check(PendingDirection is -1 or 0 or 1, "pendingDirection", PendingDirection, "must be -1, 0 or 1");
        if (PendingDirection == 0)
        {
            SnapshotJson.Check(PendingCount == 0 && PendingSources == 0, "pendingCount", PendingCount, "must be 0 with no sources when nothing is pending");
        }
        else
        {
            SnapshotJson.Check(PendingCount >= 1 && PendingCount < Options.ConfirmationQuotes, "pendingCount", PendingCount, "must be in [1, options.confirmationQuotes)");
            var mask = sources == 32 ? uint.MaxValue : (1u << sources) - 1;
            SnapshotJson.Check(PendingSources != 0 && (PendingSources & ~mask) == 0, "pendingSources", PendingSources, "must name only configured sources");
            SnapshotJson.Check(BitOperations.PopCount(PendingSources) < Options.ConfirmationSources, "pendingSources", PendingSources, "must name fewer than options.confirmationSources sources");
        }

        SnapshotJson.Check(AcceptedQuotes >= 0 && (AcceptedQuotes > 0) == anySeen, "acceptedQuotes", AcceptedQuotes, "must be positive exactly when some source has a quote");
        SnapshotJson.Check(HeldQuotes >= 0 && Confirmations >= 0 && HeldQuotes + Confirmations <= AcceptedQuotes, "heldQuotes", HeldQuotes, "and confirmations must be non-negative and sum to at most acceptedQuotes");
        if (AcceptedQuotes == 0)
        {
            SnapshotJson.Check(LastLatencyTicks == 0 && MaxLatencyTicks == 0 && MeanLatencyTicks == 0, "lastLatencyTicks", LastLatencyTicks, "and the other latency fields must be 0 before any quote");
        }
        else
        {
            SnapshotJson.Check(MaxLatencyTicks >= LastLatencyTicks, "maxLatencyTicks", MaxLatencyTicks, "must be at least lastLatencyTicks");
            // One tick of slack: the running mean is a rounded convex combination of latencies up to the maximum.
            SnapshotJson.Check(double.IsFinite(MeanLatencyTicks) && MeanLatencyTicks <= MaxLatencyTicks + 1.0, "meanLatencyTicks", MeanLatencyTicks, "must be finite and at most maxLatencyTicks");
        }
    }
}
