namespace CascadeGuard.Ledgers.Insurance;

/// <summary>One change of an <see cref="InsuranceFund"/>, as journaled; <see cref="InsuranceFund.Replay"/> re-executes it.</summary>
public sealed class InsuranceFundEvent
{
    /// <summary>Position in the journal, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>The operation's idempotency key.</summary>
    public OperationId Id { get; init; }

    /// <summary>When it was applied.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What happened.</summary>
    public InsuranceFundEventKind Kind { get; init; }

    /// <summary>For an inflow, where it came from.</summary>
    public InsuranceInflow Source { get; init; }

    /// <summary>The amount asked for: offered, shortfall to cover, or withdrawal.</summary>
    public decimal Requested { get; init; }

    /// <summary>The amount moved (accepted, covered, or withdrawn).</summary>
    public decimal Amount { get; init; }
}
