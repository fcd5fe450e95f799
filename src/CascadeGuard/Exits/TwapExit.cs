using CascadeGuard.Primitives;

namespace CascadeGuard.Exits;

/// <summary>Time-weighted: equal slices, x_k = X (N − k) / N. The risk-neutral (λ = 0) optimum of Almgren and Chriss.
/// Immutable and thread-safe.</summary>
public readonly struct TwapExit : IExitTrajectory
{
    /// <inheritdoc/>
    public double WriteHoldings(double quantity, Span<double> holdings)
    {
        Guard.FiniteNonNegative(quantity);
        ExitTrajectory.CheckHoldingsLength(holdings.Length);
        ExitTrajectory.WriteTwap(quantity, holdings);
        return 0;
    }
}
