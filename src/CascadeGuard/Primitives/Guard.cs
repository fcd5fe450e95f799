using System.Globalization;
using System.Runtime.CompilerServices;

namespace CascadeGuard.Primitives;

/// <summary>
/// The one precondition helper. Every check tests <see cref="double.IsFinite"/> explicitly, because the BCL's
/// range guards let NaN through, and every message names the parameter and value in the invariant culture.
/// </summary>
internal static class Guard
{
    public static void NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            Throw(name, value, "must be zero or positive");
        }
    }

    public static void Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            Throw(name, value, "must be positive");
        }
    }

    public static void InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            Throw(name, value, string.Create(CultureInfo.InvariantCulture, $"must be in [{min}, {max}]"));
        }
    }

    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            Throw(name, value, "must be finite");
        }
    }

    public static void FiniteNonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            Throw(name, value, "must be finite and zero or positive");
        }
    }

    public static void FinitePositive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            Throw(name, value, "must be finite and positive");
        }
    }

    /// <summary>Checks <paramref name="min"/> ≤ value ≤ <paramref name="max"/>, finite.</summary>
    public static void InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Throw(name, value, string.Create(CultureInfo.InvariantCulture, $"must be finite and in [{min}, {max}]"));
        }
    }

    /// <summary>Checks <paramref name="min"/> &lt; value ≤ <paramref name="max"/>, finite.</summary>
    public static void InHalfOpenRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= min || value > max)
        {
            Throw(name, value, string.Create(CultureInfo.InvariantCulture, $"must be finite and in ({min}, {max}]"));
        }
    }

    public static void NonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0m)
        {
            Throw(name, value, "must be zero or positive");
        }
    }

    public static void Positive(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0m)
        {
            Throw(name, value, "must be positive");
        }
    }

    /// <summary>Checks that <paramref name="value"/> has at most <paramref name="places"/> decimal places (trailing zeros aside).</summary>
    public static void DecimalPlaces(decimal value, int places, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (decimal.Round(value, places, MidpointRounding.ToZero) != value)
        {
            Throw(name, value, string.Create(CultureInfo.InvariantCulture, $"must have at most {places} decimal places"));
        }
    }

    public static void Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= TimeSpan.Zero)
        {
            Throw(name, value, "must be positive");
        }
    }

    public static void NonNegative(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < TimeSpan.Zero)
        {
            Throw(name, value, "must be zero or positive");
        }
    }

    public static void NotNull<T>([System.Diagnostics.CodeAnalysis.NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    /// <summary>
    /// Checks that a caller-owned destination holds at least <paramref name="required"/> elements. It takes the span
    /// itself, not its length, so the message and the parameter name are the span's own name.
    /// </summary>
    public static void DestinationLength<T>(Span<T> destination, int required, [CallerArgumentExpression(nameof(destination))] string? name = null)
    {
        if (destination.Length < required)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Destination '{name}' has length {destination.Length}; at least {required} is required."),
                name);
        }
    }

    /// <summary>Checks that two inputs that pair element by element have the same length; the failure names the second.</summary>
    public static void SameLength<TFirst, TSecond>(
        ReadOnlySpan<TFirst> first,
        ReadOnlySpan<TSecond> second,
        [CallerArgumentExpression(nameof(first))] string? firstName = null,
        [CallerArgumentExpression(nameof(second))] string? secondName = null)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{firstName}' has {first.Length} entries but '{secondName}' has {second.Length}."),
                secondName);
        }
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> whose message names the parameter and the value.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Throw<T>(string? name, T value, string rule)
    {
        throw new ArgumentOutOfRangeException(
            name,
            value,
            string.Create(CultureInfo.InvariantCulture, $"'{name}' {rule}; was {value}."));
    }
}
