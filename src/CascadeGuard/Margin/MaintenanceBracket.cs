namespace CascadeGuard.Margin;

/// <summary>
/// One notional bracket of a <see cref="TieredMaintenanceSchedule"/>, in the shape centralized perpetual exchanges
/// publish: positions of notional at or above <see cref="NotionalFloor"/> (and below the next bracket's floor) need
/// <c>notional × MaintenanceRate − MaintenanceAmount</c>. The amount (a deduction) keeps the requirement continuous
/// across bracket edges.
/// </summary>
/// <param name="NotionalFloor">The lowest notional of the bracket, in the unit of account.</param>
/// <param name="MaintenanceRate">The rate applied to the whole notional within this bracket, in [0, 1).</param>
/// <param name="MaintenanceAmount">The deduction, in the unit of account.</param>
public readonly record struct MaintenanceBracket(double NotionalFloor, double MaintenanceRate, double MaintenanceAmount);
