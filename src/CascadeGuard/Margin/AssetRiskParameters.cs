using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// The risk parameters of one collateral asset: how much may be borrowed against it, where its holder becomes
/// liquidatable, what a liquidation costs the holder, and how the maintenance requirement grows with position size.
/// </summary>
/// <remarks>
/// Rules (checked by the constructor, each failure naming the field): every number finite;
/// <c>0 ≤ LoanToValue ≤ LiquidationThreshold &lt; 1</c> with <c>LiquidationThreshold &gt; 0</c>;
/// <c>0 ≤ LiquidationPenalty &lt; 1</c>; and <c>LiquidationThreshold × (1 + LiquidationPenalty) &lt; 1</c>, so that
/// seizing collateral worth the repaid debt plus the penalty always raises the health factor (the same rule lending
/// platforms enforce on their bonus). A size schedule is combined with the threshold by taking the larger
/// requirement, so it can only tighten the threshold. Immutable and thread-safe.
/// </remarks>
public sealed class AssetRiskParameters
{
    /// <summary>Creates parameters for one collateral asset.</summary>
    /// <param name="loanToValue">Largest debt, as a fraction of the collateral value, that may be opened against it.</param>
    /// <param name="liquidationThreshold">Weight of the collateral in the health factor; at or above <paramref name="loanToValue"/>.</param>
    /// <param name="liquidationPenalty">Bonus paid out of the holder's collateral on liquidation, as a fraction of the debt repaid.</param>
    /// <param name="sizeSchedule">Optional maintenance schedule that raises the requirement for large positions.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the field and value.</exception>
    public AssetRiskParameters(double loanToValue, double liquidationThreshold, double liquidationPenalty, MaintenanceSchedule? sizeSchedule = null)
    {
        Guard.InHalfOpenRange(liquidationThreshold, 0.0, Math.BitDecrement(1.0));
        Guard.InRange(loanToValue, 0.0, liquidationThreshold);
        Guard.InRange(liquidationPenalty, 0.0, Math.BitDecrement(1.0));
        if (liquidationThreshold * (1.0 + liquidationPenalty) >= 1.0)
        {
            Guard.Throw(
                nameof(liquidationPenalty),
                liquidationPenalty,
                string.Create(CultureInfo.InvariantCulture, $"must keep liquidationThreshold × (1 + liquidationPenalty) below 1 (liquidationThreshold = {liquidationThreshold})"));
        }

        LoanToValue = loanToValue;
        LiquidationThreshold = liquidationThreshold;
        LiquidationPenalty = liquidationPenalty;
        SizeSchedule = sizeSchedule;
    }

    /// <summary>Largest debt, as a fraction of collateral value, that may be opened against this asset.</summary>
    public double LoanToValue { get; }

    /// <summary>Weight of this collateral in the health factor: an account is liquidatable once Σ value × threshold ≤ debt.</summary>
    public double LiquidationThreshold { get; }

    /// <summary>Bonus, as a fraction of the debt repaid, that a liquidation takes from the holder's collateral.</summary>
    public double LiquidationPenalty { get; }

    /// <summary>The size-dependent maintenance schedule, or <see langword="null"/> when the threshold alone applies.</summary>
    public MaintenanceSchedule? SizeSchedule { get; }

    /// <summary>
    /// The maintenance requirement of a position of notional <paramref name="notional"/>:
    /// <c>max(v·(1 − LiquidationThreshold), S(v))</c>.
    /// </summary>
    /// <param name="notional">Position value, finite and zero or positive.</param>
    /// <returns>The requirement in the unit of account.</returns>
    public double MaintenanceRequirement(double notional)
    {
        var flat = notional * (1.0 - LiquidationThreshold);
        return SizeSchedule is null ? flat : Math.Max(flat, SizeSchedule.Requirement(notional));
    }

    /// <summary>
    /// The risk-adjusted value of a position of notional <paramref name="notional"/>: <c>v − MaintenanceRequirement(v)</c>,
    /// which is <c>v × LiquidationThreshold</c> when there is no size schedule. Continuous and non-decreasing in <c>v</c>.
    /// </summary>
    /// <param name="notional">Position value, finite and zero or positive.</param>
    /// <returns>The value that counts towards the health factor.</returns>
    public double RiskAdjustedValue(double notional) =>
        SizeSchedule is null
            ? notional * LiquidationThreshold
            : Math.Min(notional * LiquidationThreshold, notional - SizeSchedule.Requirement(notional));
}
