using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>One position in the auto-deleveraging queue and what it was asked to cover.</summary>
/// <param name="Account">Its account.</param>
/// <param name="Score">Its ranking score (see <see cref="AutoDeleveraging.Score"/>; higher goes first).</param>
/// <param name="Amount">The part of the shortfall assigned to it (zero for a position ranked but not reached).</param>
public readonly record struct AdlAllocation(AccountId Account, double Score, decimal Amount);
