namespace CascadeGuard.Scheduling;

/// <summary>A fill the scheduler cannot accept. The scheduler is unchanged.</summary>
public sealed class FillRejectedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public FillRejectedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FillRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FillRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal FillRejectedException(FillRejection reason, FillReport fill, string detail)
        : base($"Fill {fill.FillId} on {fill.Instruction} rejected ({reason}): {detail}")
    {
        Reason = reason;
        Fill = fill;
    }

    /// <summary>Why the fill was rejected.</summary>
    public FillRejection Reason { get; }

    /// <summary>The fill rejected.</summary>
    public FillReport Fill { get; }
}
