using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Insurance;

/// <summary>Configuration of an <see cref="InsuranceFund"/>. Copied at construction.</summary>
public sealed class InsuranceFundOptions
{
    /// <summary>The asset the fund holds (usually the platform's settlement or debt asset). Default asset 0.</summary>
    public AssetId Asset { get; set; }

    /// <summary>Smallest unit of the asset. Default <c>0.000001</c>; at most 18 decimal places, mantissa at most 2^32.</summary>
    public decimal Quantum { get; set; } = 0.000001m;

    /// <summary>
    /// The reserve the fund never pays out of: covers and withdrawals stop at this balance. Default 0. A whole number
    /// of <see cref="Quantum"/>, at most <see cref="Cap"/>.
    /// </summary>
    public decimal Floor { get; set; }

    /// <summary>
    /// The most the fund holds: inflows beyond it are refused and reported as the receipt's remainder (for the host to
    /// route elsewhere, for example to its treasury). Default <see cref="decimal.MaxValue"/>, meaning the largest
    /// representable balance (2^63 − 1 quanta). A whole number of <see cref="Quantum"/> when set.
    /// </summary>
    public decimal Cap { get; set; } = decimal.MaxValue;

    /// <summary>Checks every field and cross-field rule.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        var units = new MoneyUnits(Quantum, nameof(Quantum));
        if (!units.IsWhole(Floor))
        {
            Guard.Throw(nameof(Floor), Floor, string.Create(CultureInfo.InvariantCulture, $"must be zero or positive and a whole multiple of Quantum {Quantum}"));
        }

        if (Cap != decimal.MaxValue && (Cap <= 0m || !units.IsWhole(Cap)))
        {
            Guard.Throw(nameof(Cap), Cap, string.Create(CultureInfo.InvariantCulture, $"must be positive and a whole multiple of Quantum {Quantum}, or decimal.MaxValue for no cap"));
        }

        if (Floor > Cap)
        {
            Guard.Throw(nameof(Floor), Floor, string.Create(CultureInfo.InvariantCulture, $"must not exceed Cap {Cap}"));
        }
    }

    internal InsuranceFundOptions Clone() => new() { Asset = Asset, Quantum = Quantum, Floor = Floor, Cap = Cap };
}
