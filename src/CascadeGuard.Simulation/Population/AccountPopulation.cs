using CascadeGuard.Primitives;
using MathNet.Numerics.Distributions;

namespace CascadeGuard.Simulation.Population;

/// <summary>
/// The accounts of one run at the start: collateral units and debt, exact (collateral to 1e-9 units, debt to 1e-6,
/// the precision of a USDC amount). Read-only once built; every simulated world copies it.
/// </summary>
internal sealed class AccountPopulation
{
    public const int CollateralDecimals = 9;
    public const int DebtDecimals = 6;

    private AccountPopulation(decimal[] collateral, decimal[] debt, double initialPrice)
    {
        Collateral = collateral;
        Debt = debt;
        InitialPrice = initialPrice;
        var totalDebt = 0m;
        foreach (var d in debt)
        {
            totalDebt += d;
        }

        TotalDebt = totalDebt;
    }

    public decimal[] Collateral { get; }

    public decimal[] Debt { get; }

    public double InitialPrice { get; }

    public decimal TotalDebt { get; }

    public int Count => Debt.Length;

    /// <summary>Draws a population at the collateral price <paramref name="initialPrice"/>; the same seed gives the same accounts.</summary>
    public static AccountPopulation Generate(PopulationParameters parameters, double initialPrice, double liquidationThreshold, int seed)
    {
        Guard.NotNull(parameters);
        parameters.Validate();
        Guard.FinitePositive(initialPrice);
        Guard.InHalfOpenRange(liquidationThreshold, 0, 1);
        var random = new Random(seed);
        var sizes = parameters.Sizes;
        var mu = Math.Log(sizes.Median);
        var n = parameters.Accounts;
        var collateral = new decimal[n];
        var debt = new decimal[n];
        var healthRate = 1 / parameters.HealthScale;
        for (var i = 0; i < n; i++)
        {
            double size;
            do
            {
                size = LogNormal.Sample(random, mu, sizes.LogStandardDeviation);
            }
            while (size > sizes.Cap);

            var health = 1 + Gamma.Sample(random, parameters.HealthShape, healthRate);
            collateral[i] = decimal.Round((decimal)(size / initialPrice), CollateralDecimals, MidpointRounding.ToEven);
            debt[i] = decimal.Round((decimal)(size * liquidationThreshold / health), DebtDecimals, MidpointRounding.ToEven);
        }

        return new AccountPopulation(collateral, debt, initialPrice);
    }

    /// <summary>A population from given positions (tests, hand-made worlds).</summary>
    public static AccountPopulation FromPositions(decimal[] collateral, decimal[] debt, double initialPrice)
    {
        Guard.NotNull(collateral);
        Guard.NotNull(debt);
        if (collateral.Length != debt.Length)
        {
            throw new ArgumentException($"collateral has {collateral.Length} accounts and debt {debt.Length}; they must match.", nameof(debt));
        }

        for (var i = 0; i < debt.Length; i++)
        {
            Guard.NonNegative(collateral[i], $"collateral[{i}]");
            Guard.NonNegative(debt[i], $"debt[{i}]");
        }

        Guard.FinitePositive(initialPrice);
        return new AccountPopulation((decimal[])collateral.Clone(), (decimal[])debt.Clone(), initialPrice);
    }
}
