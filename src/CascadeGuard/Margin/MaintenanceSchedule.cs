namespace CascadeGuard.Margin;

/// <summary>
/// A maintenance-margin requirement that grows with position size, as venues publish it. The requirement of a
/// collateral position of notional <c>v</c> is <c>MM(v) = max(v·(1 − LT), S(v))</c>, where <c>LT</c> is the asset's
/// liquidation threshold and <c>S</c> this schedule: the threshold rules small positions and the schedule raises
/// the requirement for large ones. See docs/margin.md.
/// </summary>
/// <remarks>
/// Every schedule is continuous and non-decreasing, starts at <c>S(0) = 0</c>, and has a marginal rate of at most 1,
/// so that the risk-adjusted value <c>v − MM(v)</c> never falls as the position grows. Immutable and thread-safe.
/// </remarks>
public abstract class MaintenanceSchedule
{
    private protected MaintenanceSchedule()
    {
    }

    /// <summary>The requirement at zero notional's right limit: the rate that applies to the smallest positions.</summary>
    public abstract double BaseRate { get; }

    /// <summary>The schedule's requirement <c>S(v)</c> for a position of notional <paramref name="notional"/>.</summary>
    /// <param name="notional">Position value in the unit of account; finite and zero or positive.</param>
    /// <returns>The requirement in the unit of account.</returns>
    public abstract double Requirement(double notional);
}
