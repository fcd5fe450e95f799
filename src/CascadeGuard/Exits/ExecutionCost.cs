namespace CascadeGuard.Exits;

/// <summary>Mean and variance of the implementation shortfall of a trajectory (Almgren and Chriss 2000, §1.4).</summary>
/// <param name="Expected">Expected cost E[C], in money (price unit × quantity unit).</param>
/// <param name="Variance">Variance V[C], in money squared.</param>
public readonly record struct ExecutionCost(double Expected, double Variance)
{
    /// <summary>Standard deviation √V[C], in money.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The mean-variance objective U = E[C] + λ·V[C] that the Almgren–Chriss trajectory minimises.</summary>
    /// <param name="riskAversion">λ, per unit of money.</param>
    /// <returns>The objective, in money.</returns>
    public double Utility(double riskAversion) => Expected + (riskAversion * Variance);
}
