using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Exits;

/// <summary>
/// Participation of volume: in each interval sell at most a fixed fraction of the volume observed (or forecast) for it,
/// n_k = min(x_{k−1}, p·v_k). What the volume does not allow stays held and is returned.
/// </summary>
/// <remarks>Immutable and thread-safe as long as the caller does not change the volume buffer while it is in use.</remarks>
public readonly struct ParticipationExit : IExitTrajectory
{
    private readonly ReadOnlyMemory<double> _volumes;

    /// <summary>Creates the rule.</summary>
    /// <param name="participationRate">Fraction p of each interval's volume that may be sold. Finite, in (0, 1].</param>
    /// <param name="volumes">Volume per interval, v₁…v_M; entries are checked when used (finite, zero or positive).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participationRate"/> is out of range.</exception>
    public ParticipationExit(double participationRate, ReadOnlyMemory<double> volumes)
    {
        Guard.InHalfOpenRange(participationRate, 0, 1);
        ParticipationRate = participationRate;
        _volumes = volumes;
    }

    /// <summary>Fraction of each interval's volume that may be sold.</summary>
    public double ParticipationRate { get; }

    /// <summary>Volume per interval.</summary>
    public ReadOnlyMemory<double> Volumes => _volumes;

    /// <inheritdoc/>
    /// <remarks>Needs at least <c>holdings.Length − 1</c> volumes; later ones are ignored.</remarks>
    public double WriteHoldings(double quantity, Span<double> holdings) =>
        Write(quantity, ParticipationRate, _volumes.Span, holdings);

    /// <summary>Writes the participation-of-volume trajectory without a struct instance.</summary>
    /// <param name="quantity">Quantity to sell. Finite, zero or positive.</param>
    /// <param name="participationRate">Fraction of each interval's volume that may be sold. Finite, in (0, 1].</param>
    /// <param name="volumes">Volume per interval; at least <c>holdings.Length − 1</c> entries, each finite, zero or positive.</param>
    /// <param name="holdings">Caller-owned destination; its length is the number of intervals plus one (at least 2).</param>
    /// <returns>The quantity still held at the end, x_N.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it. Nothing is written.</exception>
    public static double Write(double quantity, double participationRate, ReadOnlySpan<double> volumes, Span<double> holdings)
    {
        Guard.FiniteNonNegative(quantity);
        Guard.InHalfOpenRange(participationRate, 0, 1);
        ExitTrajectory.CheckHoldingsLength(holdings.Length);
        int periods = holdings.Length - 1;
        if (volumes.Length < periods)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'volumes' has length {volumes.Length}; {periods} intervals need as many volumes."),
                nameof(volumes));
        }

        // Validate everything before the first write, so a bad volume leaves the destination untouched.
        for (int k = 0; k < periods; k++)
        {
            if (!double.IsFinite(volumes[k]) || volumes[k] < 0)
            {
                Guard.Throw(string.Create(CultureInfo.InvariantCulture, $"volumes[{k}]"), volumes[k], "must be finite and zero or positive");
            }
        }

        double held = quantity;
        holdings[0] = held;
        for (int k = 1; k <= periods; k++)
        {
            double allowed = participationRate * volumes[k - 1];
            held = allowed >= held ? 0 : held - allowed;
            holdings[k] = held;
        }

        return held;
    }
}
