namespace CascadeGuard.Exits;

/// <summary>
/// A rule that splits a quantity to be sold over equal trading intervals. Implementations are small readonly structs, so a
/// caller generic over <c>TTrajectory : struct, IExitTrajectory</c> pays no interface dispatch and no boxing.
/// </summary>
/// <remarks>
/// The output is the holdings trajectory x₀…x_N of Almgren and Chriss (2000): x₀ is the quantity, x_k what is still held
/// after interval k, N = <c>holdings.Length − 1</c>. Holdings never increase, never go below zero, and the trade list is
/// their difference (<see cref="ExitTrajectory.Trades"/>). A complete rule ends at x_N = 0; a rule bounded by something
/// else (for example observed volume) may end above zero and returns what is left.
/// </remarks>
public interface IExitTrajectory
{
    /// <summary>Writes the holdings trajectory for <paramref name="quantity"/> into <paramref name="holdings"/>.</summary>
    /// <param name="quantity">Quantity to sell. Finite, zero or positive.</param>
    /// <param name="holdings">Caller-owned destination; its length is the number of intervals plus one (at least 2).</param>
    /// <returns>The quantity still held at the end, x_N (zero for rules that always complete).</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it. Nothing is written.</exception>
    double WriteHoldings(double quantity, Span<double> holdings);
}
