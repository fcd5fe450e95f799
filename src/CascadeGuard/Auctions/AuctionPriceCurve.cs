using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

/// <summary>
/// A Dutch auction's price as a function of the time since it started (or was last reset). Pure and immutable.
/// </summary>
/// <remarks>
/// <para>With start price P₀ and elapsed time t the factor f(t) is</para>
/// <list type="bullet">
/// <item><see cref="AuctionCurveKind.Linear"/>: f = max(0, 1 − t/D), exact in <see cref="decimal"/>;</item>
/// <item><see cref="AuctionCurveKind.StairStepExponential"/>: f = c^⌊t/s⌋;</item>
/// <item><see cref="AuctionCurveKind.Exponential"/>: f = c^(t/s), t at tick (100 ns) resolution;</item>
/// </list>
/// <para>and the price is max(floor, ⌈P₀·f⌉) rounded up to the price's decimal places (rounding favours the seller); the
/// linear price is computed exactly (P₀·(D − t)/D in integers). f never increases with t: the linear factor is exact; the powers are evaluated in <see cref="double"/> (error below one
/// unit in the last place) and the parameters are bounded so that consecutive values differ by far more than that
/// (c ≤ 1 − 10⁻⁹; for the continuous curve the e-folding time s/(−ln c) is at most 100 days, so one tick moves f by at
/// least 50 units in the last place). Every later step (conversion to 15 significant digits, the product, the upward
/// rounding, the floor) is monotone. Sources: MakerDAO Liquidations 2.0, <c>abaci.sol</c>; see docs/auctions.md.</para>
/// </remarks>
public readonly struct AuctionPriceCurve : IEquatable<AuctionPriceCurve>
{
    /// <summary>The largest cut: the price falls at least 10⁻⁹ per step.</summary>
    public const double MaxCut = 1 - 1e-9;

    /// <summary>The longest e-folding time s/(−ln c) of the continuous curve: 100 days.</summary>
    public static readonly TimeSpan MaxEFoldingTime = TimeSpan.FromDays(100);

    private AuctionPriceCurve(AuctionCurveKind kind, TimeSpan period, double cut)
    {
        Kind = kind;
        Period = period;
        Cut = cut;
    }

    /// <summary>The shape.</summary>
    public AuctionCurveKind Kind { get; }

    /// <summary>The duration D of a linear curve (the price reaches zero at D), or the step s of an exponential one.</summary>
    public TimeSpan Period { get; }

    /// <summary>The factor c applied per step (exponential curves); 0 for the linear curve.</summary>
    public double Cut { get; }

    /// <summary>A price falling in a straight line to zero at <paramref name="duration"/>.</summary>
    /// <param name="duration">D, positive.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public static AuctionPriceCurve Linear(TimeSpan duration)
    {
        Guard.Positive(duration);
        return new AuctionPriceCurve(AuctionCurveKind.Linear, duration, 0);
    }

    /// <summary>A price multiplied by <paramref name="cut"/> at the end of every <paramref name="step"/>.</summary>
    /// <param name="cut">c, finite, in (0, <see cref="MaxCut"/>].</param>
    /// <param name="step">s, positive.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public static AuctionPriceCurve StairStepExponential(double cut, TimeSpan step)
    {
        CheckCut(cut);
        Guard.Positive(step);
        return new AuctionPriceCurve(AuctionCurveKind.StairStepExponential, step, cut);
    }

    /// <summary>A price falling continuously by the factor <paramref name="cut"/> per <paramref name="step"/>.</summary>
    /// <param name="cut">c, finite, in (0, <see cref="MaxCut"/>].</param>
    /// <param name="step">s, positive, with s/(−ln c) ≤ <see cref="MaxEFoldingTime"/>.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public static AuctionPriceCurve Exponential(double cut, TimeSpan step)
    {
        CheckCut(cut);
        Guard.Positive(step);
        double eFoldingDays = step.TotalDays / -Math.Log(cut);
        if (!(eFoldingDays <= MaxEFoldingTime.TotalDays))
        {
            throw new ArgumentOutOfRangeException(
                nameof(step),
                step,
                string.Create(CultureInfo.InvariantCulture, $"'step' {step} with cut {cut} decays too slowly: e-folding time {eFoldingDays} days exceeds {MaxEFoldingTime.TotalDays}."));
        }

        return new AuctionPriceCurve(AuctionCurveKind.Exponential, step, cut);
    }

    /// <summary>The factor f(t) in [0, 1]: 1 at t = 0, never increasing.</summary>
    /// <param name="elapsed">Time since the start, zero or positive.</param>
    /// <returns>f(t).</returns>
    /// <exception cref="ArgumentException">The curve is <c>default</c>, or <paramref name="elapsed"/> is negative.</exception>
    public decimal Factor(TimeSpan elapsed)
    {
        CheckValid();
        Guard.NonNegative(elapsed);
        long t = elapsed.Ticks, p = Period.Ticks;
        switch (Kind)
        {
            case AuctionCurveKind.Linear:
                return t >= p ? 0m : (decimal)(p - t) / p;
            case AuctionCurveKind.StairStepExponential:
                return (decimal)Math.Pow(Cut, t / p);
            default:
                return (decimal)Math.Pow(Cut, (double)t / p);
        }
    }

    /// <summary>The price at <paramref name="elapsed"/>: max(floor, P₀·f(t) rounded up to <paramref name="decimals"/>).</summary>
    /// <param name="startPrice">P₀, positive.</param>
    /// <param name="floorPrice">The floor, zero or positive, at most P₀.</param>
    /// <param name="elapsed">Time since the start, zero or positive.</param>
    /// <param name="decimals">Decimal places of a price, 0–28.</param>
    /// <returns>The price, never below the floor, never above P₀ rounded up.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public decimal Price(decimal startPrice, decimal floorPrice, TimeSpan elapsed, int decimals)
    {
        Guard.Positive(startPrice);
        Guard.NonNegative(floorPrice);
        if (floorPrice > startPrice)
        {
            Guard.Throw(nameof(floorPrice), floorPrice, string.Create(CultureInfo.InvariantCulture, $"must not exceed the start price {startPrice}"));
        }

        Guard.InRange(decimals, 0, 28);
        CheckValid();
        Guard.NonNegative(elapsed);
        return PriceUnchecked(startPrice, floorPrice, elapsed, decimals);
    }

    /// <summary>The price at <paramref name="now"/> of an auction (re)started at <paramref name="startedAt"/>.</summary>
    /// <param name="startPrice">P₀, positive.</param>
    /// <param name="floorPrice">The floor, zero or positive, at most P₀.</param>
    /// <param name="startedAt">When the auction started or was last reset.</param>
    /// <param name="now">The time to price at, not before <paramref name="startedAt"/>.</param>
    /// <param name="decimals">Decimal places of a price, 0–28.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public decimal Price(decimal startPrice, decimal floorPrice, DateTimeOffset startedAt, DateTimeOffset now, int decimals)
    {
        if (now < startedAt)
        {
            Guard.Throw(nameof(now), now, string.Create(CultureInfo.InvariantCulture, $"must not be before startedAt {startedAt:O}"));
        }

        return Price(startPrice, floorPrice, now - startedAt, decimals);
    }

    /// <summary><see cref="Price(decimal, decimal, TimeSpan, int)"/> for arguments already checked.</summary>
    internal decimal PriceUnchecked(decimal startPrice, decimal floorPrice, TimeSpan elapsed, int decimals)
    {
        decimal raw;
        long t = elapsed.Ticks, p = Period.Ticks;
        if (Kind == AuctionCurveKind.Linear && t >= p)
        {
            raw = 0m;
        }
        else if (Kind != AuctionCurveKind.Linear
            || !ExactDecimal.TryMultiplyDivideCeiling(startPrice, p - t, p, decimals, out raw))
        {
            // Whether the exact path applies depends on the start price alone, so one auction never switches paths.
            raw = decimal.Round(startPrice * Factor(elapsed), decimals, MidpointRounding.ToPositiveInfinity);
        }

        return Math.Max(floorPrice, raw);
    }

    internal void CheckValid()
    {
        if (Kind is < AuctionCurveKind.Linear or > AuctionCurveKind.Exponential || Period <= TimeSpan.Zero)
        {
            Guard.Throw("curve", Kind, "must be made by Linear, StairStepExponential or Exponential (was it default-constructed?)");
        }
    }

    private static void CheckCut(double cut)
    {
        if (!double.IsFinite(cut) || cut <= 0 || cut > MaxCut)
        {
            Guard.Throw(nameof(cut), cut, string.Create(CultureInfo.InvariantCulture, $"must be finite and in (0, {MaxCut:R}]"));
        }
    }

    /// <inheritdoc/>
    public bool Equals(AuctionPriceCurve other) => Kind == other.Kind && Period == other.Period && Cut.Equals(other.Cut);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AuctionPriceCurve other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Period, Cut);

    /// <summary>Formats the kind and parameters, invariant culture.</summary>
    /// <returns>For example <c>StairStepExponential(cut 0.99, step 00:01:30)</c>.</returns>
    public override string ToString() => Kind == AuctionCurveKind.Linear
        ? string.Create(CultureInfo.InvariantCulture, $"Linear(duration {Period})")
        : string.Create(CultureInfo.InvariantCulture, $"{Kind}(cut {Cut:R}, step {Period})");

    /// <summary>Equality of kind and parameters.</summary>
    /// <param name="left">The first curve.</param>
    /// <param name="right">The second curve.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AuctionPriceCurve left, AuctionPriceCurve right) => left.Equals(right);

    /// <summary>Inequality of kind or parameters.</summary>
    /// <param name="left">The first curve.</param>
    /// <param name="right">The second curve.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AuctionPriceCurve left, AuctionPriceCurve right) => !left.Equals(right);
}
