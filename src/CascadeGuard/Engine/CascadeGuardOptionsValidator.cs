using System.Globalization;
using Microsoft.Extensions.Options;

namespace CascadeGuard.Engine;

/// <summary>
/// Validates <see cref="CascadeGuardOptions"/>: the ranges of the liquidation policy, every component section (through the
/// component's own rules) and the cross-field rules. Each failure names its field.
/// </summary>
public sealed class CascadeGuardOptionsValidator : IValidateOptions<CascadeGuardOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CascadeGuardOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Checks the options and returns one message per bad field (empty when valid).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<string> Check(CascadeGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Rule(double.IsFinite(options.TargetHealthFactor) && options.TargetHealthFactor > 1, nameof(options.TargetHealthFactor), options.TargetHealthFactor, "must be finite and above 1");
        Rule(double.IsFinite(options.CloseFactor) && options.CloseFactor > 0 && options.CloseFactor <= 1, nameof(options.CloseFactor), options.CloseFactor, "must be in (0, 1]");
        Rule(double.IsFinite(options.MinimumDebtRemainder) && options.MinimumDebtRemainder >= 0, nameof(options.MinimumDebtRemainder), options.MinimumDebtRemainder, "must be finite, zero or positive");
        Rule(double.IsFinite(options.ExpectedSlippage) && options.ExpectedSlippage >= 0 && options.ExpectedSlippage < 1, nameof(options.ExpectedSlippage), options.ExpectedSlippage, "must be in [0, 1)");
        Rule(double.IsFinite(options.AtRiskBand) && options.AtRiskBand >= 0, nameof(options.AtRiskBand), options.AtRiskBand, "must be finite, zero or positive");
        Rule(options.MaxOracleBookDeviation > 0, nameof(options.MaxOracleBookDeviation), options.MaxOracleBookDeviation, "must be positive (or +Infinity for off)");
        Rule(options.TickInterval > TimeSpan.Zero, nameof(options.TickInterval), options.TickInterval, "must be positive");
        Rule(options.SettlementQuantum > 0, nameof(options.SettlementQuantum), options.SettlementQuantum, "must be positive");
        Section(nameof(options.Oracle), () => options.Oracle.Validate());
        Section(nameof(options.Throttle), () => options.Throttle.Validate());
        Section(nameof(options.Scheduler), () =>
        {
            var problems = options.Scheduler.Validate();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems));
            }
        });
        Section(nameof(options.Auctions), () => options.Auctions.Validate());
        Section(nameof(options.Breaker), () => options.Breaker.Validate());
        Section(nameof(options.Adaptive), () => options.Adaptive.Validate());
        Section(nameof(options.Waterfall), () => options.Waterfall.Validate());
        Rule(options.Insurance.Floor >= 0 && options.Insurance.Cap >= options.Insurance.Floor, "Insurance", $"floor {options.Insurance.Floor}, cap {options.Insurance.Cap}", "needs 0 ≤ Floor ≤ Cap");
        for (var i = 0; i < options.BufferPools.Count; i++)
        {
            var pool = options.BufferPools[i];
            Section(string.Create(CultureInfo.InvariantCulture, $"BufferPools[{i}]"), () => pool.Validate());
        }

        return errors;

        void Rule(bool ok, string field, object value, string rule)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {rule}; was {value}."));
            }
        }

        void Section(string section, Action validate)
        {
            try
            {
                validate();
            }
            catch (ArgumentException e)
            {
                errors.Add($"{section}: {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"{section}: {e.Message}");
            }
        }
    }
}
