using CascadeGuard.Oracle;
using CascadeGuard.Primitives;

namespace CascadeGuard.Breaker;

/// <summary>What the breaker measures at one evaluation, for one market or asset.</summary>
/// <param name="Price">The actionable price (from the oracle guard); zero when there is none, which skips the drop measure. Finite, zero or positive.</param>
/// <param name="Volatility">Realized volatility, in the unit of the options' levels; finite, zero or positive.</param>
/// <param name="Vpin">VPIN in [0, 1].</param>
/// <param name="InFlightNotional">Liquidation notional released but not yet filled; finite, zero or positive.</param>
/// <param name="Depth">Notional the book can absorb within the slippage bound; finite, zero or positive. Zero depth with notional in flight is the worst case.</param>
/// <param name="Oracle">The oracle guard's status for the asset.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BreakerInputs(
    double Price,
    double Volatility,
    double Vpin,
    double InFlightNotional,
    double Depth,
    OracleStatus Oracle)
{
    // Names are literals: this runs on every evaluation, and concatenating them would allocate.
    internal void Validate()
    {
        Guard.FiniteNonNegative(Price, "inputs.Price");
        Guard.FiniteNonNegative(Volatility, "inputs.Volatility");
        Guard.InRange(Vpin, 0, 1, "inputs.Vpin");
        Guard.FiniteNonNegative(InFlightNotional, "inputs.InFlightNotional");
        Guard.FiniteNonNegative(Depth, "inputs.Depth");
        if (Oracle is < OracleStatus.Unavailable or > OracleStatus.StalePaused)
        {
            Guard.Throw("inputs.Oracle", Oracle, "must be a defined OracleStatus");
        }
    }
}
