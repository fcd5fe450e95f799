using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// Maintenance margin with a smooth size premium, in the shape some on-chain perpetual venues use: the average rate
/// grows with the square root of the notional, <c>S(v) = v·(BaseRate + PremiumAtReference·√(v / ReferenceNotional))</c>,
/// so large positions need more margin per unit without bracket edges. The marginal requirement
/// <c>S′(v) = BaseRate + 1.5·PremiumAtReference·√(v / ReferenceNotional)</c> is capped at <see cref="MaxMarginalRate"/>;
/// beyond that point the requirement grows linearly.
/// </summary>
/// <remarks>
/// Capping the marginal rather than the average rate keeps <c>S</c> convex and its slope below 1, so the risk-adjusted
/// value <c>v − S(v)</c> is concave and non-decreasing, which the liquidation-price and minimal-liquidation solvers
/// rely on. Immutable and thread-safe.
/// </remarks>
public sealed class SquareRootMaintenanceSchedule : MaintenanceSchedule
{
    private readonly double _capNotional;
    private readonly double _requirementAtCap;

    /// <summary>Creates a schedule.</summary>
    /// <param name="baseRate">Rate for the smallest positions, in [0, 1).</param>
    /// <param name="premiumAtReference">Average rate added at <paramref name="referenceNotional"/>; finite, zero or positive.</param>
    /// <param name="referenceNotional">The notional at which the premium equals <paramref name="premiumAtReference"/>; positive.</param>
    /// <param name="maxMarginalRate">The highest marginal rate, in [<paramref name="baseRate"/>, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range; the message names it.</exception>
    public SquareRootMaintenanceSchedule(double baseRate, double premiumAtReference, double referenceNotional, double maxMarginalRate)
    {
        Guard.InRange(baseRate, 0.0, Math.BitDecrement(1.0));
        Guard.FiniteNonNegative(premiumAtReference);
        Guard.FinitePositive(referenceNotional);
        if (!double.IsFinite(maxMarginalRate) || maxMarginalRate < baseRate || maxMarginalRate >= 1.0)
        {
            Guard.Throw(nameof(maxMarginalRate), maxMarginalRate, string.Create(CultureInfo.InvariantCulture, $"must be finite and in [{baseRate}, 1)"));
        }

        BaseRate = baseRate;
        PremiumAtReference = premiumAtReference;
        ReferenceNotional = referenceNotional;
        MaxMarginalRate = maxMarginalRate;

        if (premiumAtReference == 0)
        {
            _capNotional = double.PositiveInfinity;
        }
        else
        {
            var root = (maxMarginalRate - baseRate) / (1.5 * premiumAtReference);
            _capNotional = referenceNotional * root * root;
            _requirementAtCap = UncappedRequirement(_capNotional);
        }
    }

    /// <inheritdoc />
    public override double BaseRate { get; }

    /// <summary>The average rate added at <see cref="ReferenceNotional"/>.</summary>
    public double PremiumAtReference { get; }

    /// <summary>The notional at which the premium equals <see cref="PremiumAtReference"/>.</summary>
    public double ReferenceNotional { get; }

    /// <summary>The highest marginal rate; beyond the notional where it is reached the requirement grows linearly.</summary>
    public double MaxMarginalRate { get; }

    /// <inheritdoc />
    public override double Requirement(double notional) =>
        notional <= _capNotional
            ? UncappedRequirement(notional)
            : _requirementAtCap + (MaxMarginalRate * (notional - _capNotional));

    private double UncappedRequirement(double notional) =>
        notional * (BaseRate + (PremiumAtReference * Math.Sqrt(notional / ReferenceNotional)));
}
