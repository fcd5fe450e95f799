using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Volatility;

/// <summary>
/// One open-high-low-close bar of an asset's price (any fixed period: 1 min, 10 min, 1 day), as the range-based
/// volatility estimators read it. Prices are in the unit of account per unit of asset.
/// </summary>
/// <remarks>Immutable and thread-safe. <c>default(OhlcBar)</c> is not a valid bar and is refused by the estimators.</remarks>
public readonly record struct OhlcBar
{
    /// <summary>Creates a bar.</summary>
    /// <param name="open">First traded price of the period.</param>
    /// <param name="high">Highest price of the period.</param>
    /// <param name="low">Lowest price of the period.</param>
    /// <param name="close">Last price of the period.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A price is not finite and positive, or low ≤ min(open, close) ≤ max(open, close) ≤ high does not hold.
    /// </exception>
    public OhlcBar(double open, double high, double low, double close)
    {
        Guard.FinitePositive(open);
        Guard.FinitePositive(high);
        Guard.FinitePositive(low);
        Guard.FinitePositive(close);
        if (low > Math.Min(open, close))
        {
            Guard.Throw(nameof(low), low, string.Create(CultureInfo.InvariantCulture, $"must be at most min(open, close) = {Math.Min(open, close)}"));
        }

        if (high < Math.Max(open, close))
        {
            Guard.Throw(nameof(high), high, string.Create(CultureInfo.InvariantCulture, $"must be at least max(open, close) = {Math.Max(open, close)}"));
        }

        Open = open;
        High = high;
        Low = low;
        Close = close;
    }

    /// <summary>First traded price of the period.</summary>
    public double Open { get; }

    /// <summary>Highest price of the period.</summary>
    public double High { get; }

    /// <summary>Lowest price of the period.</summary>
    public double Low { get; }

    /// <summary>Last price of the period.</summary>
    public double Close { get; }

    /// <summary>Throws for <c>default(OhlcBar)</c>, the only invalid value the constructor cannot stop.</summary>
    internal static void EnsureValid(in OhlcBar bar, string name)
    {
        if (!(bar.Low > 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{name}' is an uninitialised bar (default(OhlcBar)); was {bar}."),
                name);
        }
    }
}
