using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// Maintenance margin by notional brackets: <c>S(v) = v·rate(k) − amount(k)</c> for the bracket <c>k</c> holding
/// <c>v</c>. The last bracket extends without bound. The shape is that of the leverage-and-margin tables published by
/// centralized perpetual venues (for example Binance USDⓈ-M futures: 0–50,000 at 0.40 % with amount 0,
/// 50,000–250,000 at 0.50 % with amount 50, and so on).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TieredMaintenanceSchedule : MaintenanceSchedule
{
    // Published amounts are rounded to the venue's display precision, so continuity is checked with a tolerance
    // relative to the requirement at the edge.
    private const double ContinuityTolerance = 1e-9;

    private readonly double[] _floors;
    private readonly double[] _rates;
    private readonly double[] _amounts;

    /// <summary>Creates a schedule from published brackets.</summary>
    /// <param name="brackets">The brackets; the first floor is 0, floors strictly ascend, rates are in [0, 1) and
    /// never fall, and each amount makes the requirement continuous at its floor.</param>
    /// <exception cref="ArgumentException">The brackets break one of the rules; the message names the bracket and field.</exception>
    public TieredMaintenanceSchedule(IReadOnlyList<MaintenanceBracket> brackets)
    {
        Guard.NotNull(brackets);
        if (brackets.Count == 0)
        {
            throw new ArgumentException("At least one maintenance bracket is required.", nameof(brackets));
        }

        var count = brackets.Count;
        _floors = new double[count];
        _rates = new double[count];
        _amounts = new double[count];
        for (var k = 0; k < count; k++)
        {
            var b = brackets[k];
            Validate(brackets, k, b);
            _floors[k] = b.NotionalFloor;
            _rates[k] = b.MaintenanceRate;
            _amounts[k] = b.MaintenanceAmount;
        }
    }

    /// <summary>The brackets, in ascending order of floor.</summary>
    public IReadOnlyList<MaintenanceBracket> Brackets
    {
        get
        {
            var list = new MaintenanceBracket[_floors.Length];
            for (var k = 0; k < list.Length; k++)
            {
                list[k] = new MaintenanceBracket(_floors[k], _rates[k], _amounts[k]);
            }

            return list;
        }
    }

    /// <inheritdoc />
    public override double BaseRate => _rates[0];

    /// <summary>
    /// Creates a schedule from floors and rates alone, deriving each amount so the requirement is continuous:
    /// <c>amount(k) = amount(k−1) + floor(k)·(rate(k) − rate(k−1))</c>, with <c>amount(0) = 0</c>.
    /// </summary>
    /// <param name="floors">Bracket floors; the first is 0 and they strictly ascend.</param>
    /// <param name="rates">Bracket rates, one per floor, in [0, 1) and non-decreasing.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">The lengths differ or a value is out of range.</exception>
    public static TieredMaintenanceSchedule FromRates(ReadOnlySpan<double> floors, ReadOnlySpan<double> rates)
    {
        Guard.SameLength(floors, rates);

        var brackets = new MaintenanceBracket[floors.Length];
        var amount = 0.0;
        for (var k = 0; k < floors.Length; k++)
        {
            if (k > 0)
            {
                amount += floors[k] * (rates[k] - rates[k - 1]);
            }

            brackets[k] = new MaintenanceBracket(floors[k], rates[k], amount);
        }

        return new TieredMaintenanceSchedule(brackets);
    }

    /// <inheritdoc />
    public override double Requirement(double notional)
    {
        var k = BracketOf(notional);
        return Math.Max(0.0, (notional * _rates[k]) - _amounts[k]);
    }

    /// <summary>The index of the bracket that holds <paramref name="notional"/>.</summary>
    /// <param name="notional">Position value, zero or positive.</param>
    /// <returns>The bracket index.</returns>
    public int BracketOf(double notional)
    {
        // Tables are short (a dozen rows), so a linear scan from the top beats a binary search.
        var k = _floors.Length - 1;
        while (k > 0 && notional < _floors[k])
        {
            k--;
        }

        return k;
    }

    private static void Validate(IReadOnlyList<MaintenanceBracket> brackets, int k, MaintenanceBracket b)
    {
        if (!double.IsFinite(b.NotionalFloor) || b.NotionalFloor < 0)
        {
            throw new ArgumentException(Message(k, nameof(MaintenanceBracket.NotionalFloor), b.NotionalFloor, "must be finite and zero or positive"), nameof(brackets));
        }

        if (k == 0 && b.NotionalFloor != 0)
        {
            throw new ArgumentException(Message(k, nameof(MaintenanceBracket.NotionalFloor), b.NotionalFloor, "must be 0 for the first bracket"), nameof(brackets));
        }

        if (!double.IsFinite(b.MaintenanceRate) || b.MaintenanceRate < 0 || b.MaintenanceRate >= 1)
        {
            throw new ArgumentException(Message(k, nameof(MaintenanceBracket.MaintenanceRate), b.MaintenanceRate, "must be finite and in [0, 1)"), nameof(brackets));
        }

        if (!double.IsFinite(b.MaintenanceAmount))
        {
            throw new ArgumentException(Message(k, nameof(MaintenanceBracket.MaintenanceAmount), b.MaintenanceAmount, "must be finite"), nameof(brackets));
        }

        if (k == 0)
        {
            if (b.MaintenanceAmount != 0)
            {
                throw new ArgumentException(Message(k, nameof(MaintenanceBracket.MaintenanceAmount), b.MaintenanceAmount, "must be 0 for the first bracket"), nameof(brackets));
            }

            return;
        }

        var previous = brackets[k - 1];
        if (b.NotionalFloor <= previous.NotionalFloor)
        {
            throw new ArgumentException(Message(k, nameof(MaintenanceBracket.NotionalFloor), b.NotionalFloor, "must be above the previous bracket's floor"), nameof(brackets));
        }

        if (b.MaintenanceRate < previous.MaintenanceRate)
        {
            throw new ArgumentException(Message(k, nameof(MaintenanceBracket.MaintenanceRate), b.MaintenanceRate, "must not be below the previous bracket's rate"), nameof(brackets));
        }

        var expected = previous.MaintenanceAmount + (b.NotionalFloor * (b.MaintenanceRate - previous.MaintenanceRate));
        var scale = Math.Max(1.0, b.NotionalFloor * b.MaintenanceRate);
        if (Math.Abs(b.MaintenanceAmount - expected) > ContinuityTolerance * scale)
        {
            var rule = string.Create(CultureInfo.InvariantCulture, $"must be {expected} to keep the requirement continuous at the bracket's floor");
            throw new ArgumentException(Message(k, nameof(MaintenanceBracket.MaintenanceAmount), b.MaintenanceAmount, rule), nameof(brackets));
        }
    }

    private static string Message(int k, string field, double value, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"Maintenance bracket {k}: '{field}' {rule}; was {value}.");
}
