using CascadeGuard.Primitives;

namespace CascadeGuard.Depth;

/// <summary>
/// Transient impact with exponential recovery, in the manner of Obizhaeva and Wang (2013, "Optimal trading strategy and
/// supply/demand dynamics", J. Financial Markets 16): depth consumed by a trade refills exponentially, so that of a
/// quantity q consumed at t₀ the part still missing at t is q·2^(−(t − t₀)/h), h being the half-life (their resilience
/// speed ρ = ln 2 / h). Consumption adds linearly, so the missing depth after several trades is the sum of their decayed
/// parts and the depth available is the resting depth minus it. After one half-life exactly half of the consumed depth is
/// back; after n, all but 2⁻ⁿ. See docs/depth.md.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct ResilienceModel
{
    /// <summary>Creates a model.</summary>
    /// <param name="halfLife">The time for consumed depth to half recover; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halfLife"/> is not positive.</exception>
    public ResilienceModel(TimeSpan halfLife)
    {
        Guard.Positive(halfLife);
        HalfLife = halfLife;
    }

    /// <summary>The time for consumed depth to half recover.</summary>
    public TimeSpan HalfLife { get; }

    /// <summary>The share of consumed depth still missing after <paramref name="elapsed"/>: 2^(−elapsed / h).</summary>
    /// <param name="elapsed">Time since consumption; zero or positive.</param>
    /// <returns>A fraction in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is negative.</exception>
    public double RemainingFraction(TimeSpan elapsed)
    {
        Guard.NonNegative(elapsed);
        return double.Exp2(-(double)elapsed.Ticks / HalfLife.Ticks);
    }

    /// <summary>The share of consumed depth back after <paramref name="elapsed"/>: 1 − 2^(−elapsed / h).</summary>
    /// <param name="elapsed">Time since consumption; zero or positive.</param>
    /// <returns>A fraction in [0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is negative.</exception>
    public double RecoveredFraction(TimeSpan elapsed) => 1.0 - RemainingFraction(elapsed);

    /// <summary>How much of <paramref name="consumed"/> is still missing after <paramref name="elapsed"/>.</summary>
    /// <param name="consumed">Base units consumed; finite, zero or more.</param>
    /// <param name="elapsed">Time since consumption; zero or positive.</param>
    /// <returns>Base units still missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public double Decay(double consumed, TimeSpan elapsed)
    {
        Guard.FiniteNonNegative(consumed);
        return consumed * RemainingFraction(elapsed);
    }

    /// <summary>Depth still missing at <paramref name="now"/> after the given consumptions: Σ qᵢ·2^(−(now − tᵢ)/h).</summary>
    /// <param name="consumptions">Past consumptions, none after <paramref name="now"/>, quantities finite and zero or more.</param>
    /// <param name="now">The time of the question.</param>
    /// <returns>Base units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A consumption is after <paramref name="now"/> or its quantity is out of range.</exception>
    public double MissingDepth(ReadOnlySpan<DepthConsumption> consumptions, DateTimeOffset now)
    {
        var missing = 0.0;
        for (var i = 0; i < consumptions.Length; i++)
        {
            var (time, quantity) = consumptions[i];
            if (time > now)
            {
                Guard.Throw($"{nameof(consumptions)}[{i}].{nameof(DepthConsumption.Time)}", time, "must not be after 'now'");
            }

            if (!double.IsFinite(quantity) || quantity < 0)
            {
                Guard.Throw($"{nameof(consumptions)}[{i}].{nameof(DepthConsumption.Quantity)}", quantity, "must be finite and zero or positive");
            }

            missing += quantity * RemainingFraction(now - time);
        }

        return missing;
    }

    /// <summary>Depth available at <paramref name="now"/>: the resting depth less what is still missing, never below zero.</summary>
    /// <param name="restingDepth">The undisturbed depth, base units; finite, zero or more.</param>
    /// <param name="consumptions">Past consumptions.</param>
    /// <param name="now">The time of the question.</param>
    /// <returns>Base units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public double AvailableDepth(double restingDepth, ReadOnlySpan<DepthConsumption> consumptions, DateTimeOffset now)
    {
        Guard.FiniteNonNegative(restingDepth);
        return Math.Max(0.0, restingDepth - MissingDepth(consumptions, now));
    }

    /// <summary>The shortest wait, to the tick, after which no more than <paramref name="target"/> of <paramref name="consumed"/> is missing.</summary>
    /// <param name="consumed">Base units missing now; finite, zero or more.</param>
    /// <param name="target">Base units that may still be missing; finite.</param>
    /// <param name="wait">h·log₂(consumed / target), rounded up to a whole tick; zero when already there.</param>
    /// <returns><see langword="false"/> when <paramref name="target"/> is not positive and depth is missing: recovery is only asymptotic.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public bool TryTimeUntil(double consumed, double target, out TimeSpan wait)
    {
        Guard.FiniteNonNegative(consumed);
        Guard.Finite(target);
        wait = TimeSpan.Zero;
        if (consumed <= target)
        {
            return true;
        }

        if (target <= 0)
        {
            return false;
        }

        var ticks = Math.Ceiling(HalfLife.Ticks * Math.Log2(consumed / target));
        if (ticks >= TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        // The logarithm may round a tick short; step forward until the same arithmetic as Decay agrees.
        var candidate = TimeSpan.FromTicks((long)ticks);
        while (consumed * RemainingFraction(candidate) > target)
        {
            candidate += TimeSpan.FromTicks(1);
        }

        wait = candidate;
        return true;
    }
}
