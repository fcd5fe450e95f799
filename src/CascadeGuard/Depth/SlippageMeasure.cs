namespace CascadeGuard.Depth;

/// <summary>Which price of an execution a slippage bound constrains.</summary>
public enum SlippageMeasure
{
    /// <summary>
    /// The average execution price (notional ÷ quantity): the cost the seller actually bears. A sale may reach levels
    /// beyond the bound as long as the better levels before them keep the average within it.
    /// </summary>
    AveragePrice = 0,

    /// <summary>
    /// The marginal price of the last unit (the worst level touched): how far the sale pushes the market. Stricter than
    /// <see cref="AveragePrice"/> for the same number of basis points.
    /// </summary>
    WorstPrice = 1,
}
