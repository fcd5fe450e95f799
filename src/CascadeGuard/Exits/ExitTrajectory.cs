using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Exits;

/// <summary>Helpers shared by every <see cref="IExitTrajectory"/>: the trade list and the common argument checks. Pure and thread-safe.</summary>
public static class ExitTrajectory
{
    /// <summary>
    /// The trade list n_k = x_{k−1} − x_k, k = 1…N, of a holdings trajectory x₀…x_N (Almgren and Chriss 2000, §1.1).
    /// </summary>
    /// <param name="holdings">The holdings trajectory, at least two entries, all finite.</param>
    /// <param name="trades">Caller-owned destination of length at least <c>holdings.Length − 1</c>; it may not overlap
    /// <paramref name="holdings"/> except when it starts at the same element.</param>
    /// <remarks>The trades telescope: their exact sum is x₀ − x_N; computed in <see cref="double"/> it agrees to within a few
    /// units in the last place per trade.</remarks>
    /// <exception cref="ArgumentException">Too few holdings, a non-finite entry, or a short destination.</exception>
    public static void Trades(ReadOnlySpan<double> holdings, Span<double> trades)
    {
        CheckHoldings(holdings);
        int periods = holdings.Length - 1;
        Guard.DestinationLength(trades, periods);

        // Forward order reads holdings[k] before trades[k] overwrites it when both start at the same element.
        for (int k = 0; k < periods; k++)
        {
            trades[k] = holdings[k] - holdings[k + 1];
        }
    }

    /// <summary>At least two entries, each finite.</summary>
    internal static void CheckHoldings(ReadOnlySpan<double> holdings)
    {
        CheckHoldingsLength(holdings.Length);
        for (int k = 0; k < holdings.Length; k++)
        {
            if (!double.IsFinite(holdings[k]))
            {
                Guard.Throw(string.Create(CultureInfo.InvariantCulture, $"holdings[{k}]"), holdings[k], "must be finite");
            }
        }
    }

    internal static void CheckHoldingsLength(int length, string name = "holdings")
    {
        if (length < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{name}' has length {length}; at least 2 (one interval) is required."),
                name);
        }
    }

    /// <summary>TWAP: x_k = X (N − k) / N, with x₀ = X and x_N = 0 exactly.</summary>
    internal static void WriteTwap(double quantity, Span<double> holdings)
    {
        int periods = holdings.Length - 1;
        holdings[0] = quantity;
        for (int k = 1; k < periods; k++)
        {
            // Multiply first: both steps round monotonically, so the result never increases with k and never exceeds X.
            holdings[k] = quantity * (periods - k) / periods;
        }

        holdings[periods] = 0;
    }
}
