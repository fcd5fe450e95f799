using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>An opposite position that auto-deleveraging may close at the bankrupt position's price.</summary>
/// <param name="Account">Its account.</param>
/// <param name="ProfitFraction">Unrealised profit as a fraction of its margin (0.25 = 25 %); finite. Not positive: not eligible.</param>
/// <param name="EffectiveLeverage">Position notional over its equity; finite, zero or positive.</param>
/// <param name="Capacity">
/// The most of the shortfall closing it can cover (the profit it gives up by closing at the bankruptcy price rather than
/// the mark), in the waterfall's asset; zero or positive, used rounded down to the quantum.
/// </param>
public readonly record struct AdlCandidate(AccountId Account, double ProfitFraction, double EffectiveLeverage, decimal Capacity);
