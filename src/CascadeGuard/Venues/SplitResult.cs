namespace CascadeGuard.Venues;

/// <summary>The outcome of <see cref="VenueSplit.Sell"/>; per-venue quantities are in the caller's allocation buffer.</summary>
/// <param name="Requested">Base units asked to sell.</param>
/// <param name="Filled">Base units allocated across venues: the request, or less when every venue reached its cap or capacity.</param>
/// <param name="Notional">Unit of account received across venues, fees included.</param>
/// <param name="MarginalPrice">The common marginal price the split equalises: no venue's last unit sells below it, and no
/// venue with room left would pay more for one more unit.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct SplitResult(double Requested, double Filled, double Notional, double MarginalPrice)
{
    /// <summary>Base units that could not be placed.</summary>
    public double Unfilled => Requested - Filled;

    /// <summary>The blended average price <c>Notional ÷ Filled</c>; zero when nothing filled.</summary>
    public double BlendedPrice => Filled > 0 ? Notional / Filled : 0.0;
}
