using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>An opposite position that auto-deleveraging may close at the bankrupt position's price.</summary>
/// <param name="Account">Its account.</param>
/// <param name="ProfitFraction">Unrealised PnL as a fraction of its entry value (0.25 = +25 %); finite, may be negative.</param>
/// <param name="EffectiveLeverage">|Mark value| ÷ (mark value − bankruptcy value); finite, zero or positive (zero: not ranked).</param>
/// <param name="Capacity">
/// The most of the shortfall closing it can cover (what it gives up by being closed at the bankrupt position's price
/// rather than the mark), in the waterfall's asset; zero or positive, used rounded down to the quantum.
/// </param>
public readonly record struct AdlCandidate(AccountId Account, double ProfitFraction, double EffectiveLeverage, decimal Capacity);
