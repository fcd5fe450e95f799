using CascadeGuard.Simulation.Accounts;

namespace CascadeGuard.Simulation.Policies;

/// <summary>The outcome of a sale or transfer of an account's collateral.</summary>
/// <param name="Settlement">Units taken and how the proceeds were split (all zero when nothing filled).</param>
/// <param name="AveragePrice">Proceeds per unit (the mid when nothing filled).</param>
internal readonly record struct SaleResult(Settlement Settlement, double AveragePrice)
{
    public double Units => (double)Settlement.Units;
}
