using CascadeGuard.Primitives;

namespace CascadeGuard.Feeds;

/// <summary>
/// The price feed a host implements: the latest quote it holds for an asset, with the source's timestamp.
/// Implementations must not block on I/O inside this call (serve from a cache the host keeps fresh) and must not
/// allocate; the engine calls it once per asset per tick.
/// </summary>
public interface IPriceFeed
{
    /// <summary>Gets the latest quote for <paramref name="asset"/>.</summary>
    /// <param name="asset">The asset to price.</param>
    /// <param name="quote">The latest quote, unvalidated.</param>
    /// <returns><see langword="false"/> when the feed has no quote for the asset.</returns>
    bool TryGetLatest(AssetId asset, out PriceQuote quote);
}
