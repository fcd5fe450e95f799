using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers;

/// <summary>
/// A ledger's money unit: amounts at the API are <see cref="decimal"/>, whole multiples of the quantum; inside the
/// ledger they are counts of quanta in a 64-bit integer (a fixed-point representation), so every sum is checked
/// integer arithmetic and nothing is ever rounded silently. The quantum's mantissa is at most 2^32 and its scale at
/// most 18, which keeps <c>units × quantum</c> exact in a <see cref="decimal"/> for every 64-bit unit count.
/// </summary>
internal readonly struct MoneyUnits
{
    private const int MaxScale = 18;

    public MoneyUnits(decimal quantum, string? name = "quantum")
    {
        Validate(quantum, name);
        Quantum = quantum;
        MaxAmount = long.MaxValue * quantum;
    }

    public decimal Quantum { get; }

    /// <summary>The largest representable amount, <c>long.MaxValue</c> quanta.</summary>
    public decimal MaxAmount { get; }

    public static void Validate(decimal quantum, string? name)
    {
        if (quantum <= 0m || quantum.Scale > MaxScale || ExactDecimal.Decompose(quantum).Mantissa > uint.MaxValue)
        {
            Guard.Throw(name, quantum, string.Create(CultureInfo.InvariantCulture, $"must be positive, with at most {MaxScale} decimal places and a mantissa of at most 2^32"));
        }
    }

    public bool IsWhole(decimal amount) => amount >= 0m && amount <= MaxAmount && decimal.Remainder(amount, Quantum) == 0m;

    /// <summary>Exact units of an amount that must be zero or positive and a whole number of quanta.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, not a whole number of quanta, or beyond 2^63 − 1 quanta.</exception>
    public long ToUnits(decimal amount, string? name)
    {
        if (!IsWhole(amount))
        {
            Guard.Throw(name, amount, string.Create(CultureInfo.InvariantCulture, $"must be zero or positive, a whole multiple of the quantum {Quantum} and at most {MaxAmount}"));
        }

        return (long)(amount / Quantum);
    }

    /// <summary>Exact units of a strictly positive amount.</summary>
    public long ToPositiveUnits(decimal amount, string? name)
    {
        Guard.Positive(amount, name);
        return ToUnits(amount, name);
    }

    /// <summary>Whole quanta in a non-negative amount, rounded down (what can be paid); capped at 2^63 − 1.</summary>
    public long FloorUnits(decimal amount)
    {
        if (amount <= 0m)
        {
            return 0;
        }

        if (amount >= MaxAmount)
        {
            return long.MaxValue;
        }

        return (long)((amount - decimal.Remainder(amount, Quantum)) / Quantum);
    }

    public decimal ToMoney(long units) => units * Quantum;

    public decimal ToMoney(Int128 units) => (decimal)units * Quantum;
}
