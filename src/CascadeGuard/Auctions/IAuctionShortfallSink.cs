namespace CascadeGuard.Auctions;

/// <summary>
/// Receives the debt an auction could not raise: called once per auction that sold its whole lot with debt left over.
/// The hand-off point to a buffer pool or insurance fund; the engine wires one in.
/// </summary>
/// <remarks>
/// The house calls the sink before it commits the take that exhausted the lot: if the sink throws, the take is not applied
/// and the exception propagates, so a shortfall is never lost or counted twice.
/// </remarks>
public interface IAuctionShortfallSink
{
    /// <summary>Takes over an uncovered debt.</summary>
    /// <param name="shortfall">What is left, and where it came from.</param>
    void Absorb(in AuctionShortfall shortfall);
}
