using CascadeGuard.Simulation.Population;

namespace CascadeGuard.Simulation.Accounts;

/// <summary>
/// The one place where the risk math's doubles become exact amounts, each with a rounding rule that favours the
/// lender's solvency: collateral to take is rounded up (to 1e-9 units), units filled and proceeds are rounded down
/// (to 1e-9 units and 1e-6 of the debt asset).
/// </summary>
internal static class Money
{
    /// <summary>Units to take from an account holding <paramref name="held"/>: the whole position when the request reaches it.</summary>
    public static decimal UnitsToTake(double requested, decimal held)
    {
        if (requested >= (double)held)
        {
            return held;
        }

        return Math.Min(held, decimal.Round((decimal)requested, AccountPopulation.CollateralDecimals, MidpointRounding.ToPositiveInfinity));
    }

    /// <summary>The exact units of an offer of <paramref name="offered"/> that the book filled.</summary>
    public static decimal UnitsFilled(double filled, decimal offered) => UnitsAtMost(filled, offered);

    /// <summary><paramref name="units"/> rounded down to the collateral grid, at most <paramref name="cap"/> (a buyer's demand capped by a lot).</summary>
    public static decimal UnitsAtMost(double units, decimal cap) =>
        units >= (double)cap ? cap : Math.Min(cap, decimal.Round((decimal)units, AccountPopulation.CollateralDecimals, MidpointRounding.ToZero));

    /// <summary>What <paramref name="units"/> at <paramref name="price"/> pay, rounded down.</summary>
    public static decimal Proceeds(decimal units, double price) =>
        decimal.Round(units * (decimal)price, AccountPopulation.DebtDecimals, MidpointRounding.ToZero);

    /// <summary>An amount of the debt asset, rounded down.</summary>
    public static decimal Amount(double amount) =>
        decimal.Round((decimal)amount, AccountPopulation.DebtDecimals, MidpointRounding.ToZero);
}
