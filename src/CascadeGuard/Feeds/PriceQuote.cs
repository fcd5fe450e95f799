using CascadeGuard.Primitives;

namespace CascadeGuard.Feeds;

/// <summary>
/// A raw price observation for one asset as a host's feed reports it: the price in the unit of account
/// (for example USD per unit of the asset) and the time the source stamped it. Raw quotes are not trusted:
/// pass them through <see cref="QuoteValidator"/> before acting on them.
/// </summary>
/// <param name="Asset">The asset priced.</param>
/// <param name="Price">Unit-of-account per unit of the asset.</param>
/// <param name="Timestamp">When the source observed the price.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct PriceQuote(AssetId Asset, double Price, DateTimeOffset Timestamp);
