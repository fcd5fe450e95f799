using CascadeGuard.Primitives;

namespace CascadeGuard.Exits;

/// <summary>Sell everything in the first interval: x₀ = X, x_k = 0 for k ≥ 1. The "off" schedule and the minimum-variance
/// extreme of the Almgren–Chriss frontier. Immutable and thread-safe.</summary>
public readonly struct ImmediateExit : IExitTrajectory
{
    /// <inheritdoc/>
    public double WriteHoldings(double quantity, Span<double> holdings)
    {
        Guard.FiniteNonNegative(quantity);
        ExitTrajectory.CheckHoldingsLength(holdings.Length);
        holdings.Clear();
        holdings[0] = quantity;
        return 0;
    }
}
