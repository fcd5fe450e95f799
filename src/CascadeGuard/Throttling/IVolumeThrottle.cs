using CascadeGuard.Primitives;
using CascadeGuard.Venues;

namespace CascadeGuard.Throttling;

/// <summary>
/// A sell budget for one market: the liquidation engine reserves before it releases a sale, commits fills as the host's
/// executor reports them and releases what was not filled. Two implementations: <see cref="VolumeThrottle"/>, which sizes the
/// budget from depth, trailing volume and a notional cap, and <see cref="UnlimitedVolumeThrottle"/>, for hosts that want none.
/// Expected refusals are result values; only impossible arguments throw, and then nothing changes. See docs/throttle.md.
/// </summary>
public interface IVolumeThrottle
{
    /// <summary>The market this throttle budgets.</summary>
    MarketId Market { get; }

    /// <summary>Base units a reservation could be granted now.</summary>
    double Available { get; }

    /// <summary>Reserves up to <paramref name="quantity"/> base units, or at least <paramref name="minimumQuantity"/> or nothing.</summary>
    /// <param name="quantity">Base units wanted; finite, positive.</param>
    /// <param name="minimumQuantity">The least worth reserving (for example the venue's minimum order); finite, positive, at most <paramref name="quantity"/>.</param>
    /// <returns>A granted lease with its id and quantity, or a refusal with the reason and the earliest retry time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range; nothing changes.</exception>
    ThrottleLease TryReserve(double quantity, double minimumQuantity);

    /// <summary>Records a fill against a lease; the lease closes when nothing remains reserved on it.</summary>
    /// <param name="lease">The lease filled.</param>
    /// <param name="quantity">Base units filled; finite, positive.</param>
    /// <param name="price">The fill's average price; finite, positive.</param>
    /// <returns>Applied, or why not (unknown, closed, larger than the lease); when not applied nothing changes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range; nothing changes.</exception>
    LeaseUpdate Commit(LeaseId lease, double quantity, double price);

    /// <summary>Returns what remains reserved on a lease to the budget and closes it (a cancel).</summary>
    /// <param name="lease">The lease to close.</param>
    /// <returns>Applied with the quantity released, or why not; when not applied nothing changes.</returns>
    LeaseUpdate Release(LeaseId lease);

    /// <summary>Reports the book's depth within the throttle's slippage bound and the price the notional cap converts at.</summary>
    /// <param name="depthQuantity">Base units within the bound; zero or more, not NaN (+∞ for a bound no venue can breach).</param>
    /// <param name="referencePrice">Unit of account per base unit (the best bid); finite, positive.</param>
    /// <param name="observedAt">When the book was observed.</param>
    /// <returns><see langword="false"/> when an earlier-observed report than the current one arrives late; it is ignored.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range; nothing changes.</exception>
    bool UpdateDepth(double depthQuantity, double referencePrice, DateTimeOffset observedAt);

    /// <summary>Measures a venue's depth within the throttle's slippage bound and reports it (see the other overload).</summary>
    /// <param name="venue">The market's venue, freshly loaded.</param>
    /// <param name="observedAt">When the venue's state was observed.</param>
    /// <returns><see langword="false"/> when the report is older than the current one and was ignored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="venue"/> is null.</exception>
    bool UpdateDepth(IVenue venue, DateTimeOffset observedAt);

    /// <summary>Adds market volume traded now (all participants, the throttle's own fills included).</summary>
    /// <param name="quantity">Base units; finite, zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is out of range; nothing changes.</exception>
    void RecordMarketVolume(double quantity);

    /// <summary>Sets the conditions that tighten the budget.</summary>
    /// <param name="conditions">Realized volatility (finite, zero or more) and VPIN (in [0, 1]).</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range; nothing changes.</exception>
    void UpdateConditions(ThrottleConditions conditions);

    /// <summary>Reads the statistics at the current time.</summary>
    /// <returns>A snapshot of the counters and the budget.</returns>
    ThrottleStatistics GetStatistics();

    /// <summary>Saves the whole state as versioned JSON; restoring it gives a throttle that answers exactly as this one.</summary>
    /// <returns>The JSON text.</returns>
    string SaveSnapshot();
}
