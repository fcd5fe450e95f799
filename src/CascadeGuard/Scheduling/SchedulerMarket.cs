using CascadeGuard.Primitives;
using CascadeGuard.Throttling;

namespace CascadeGuard.Scheduling;

/// <summary>A market the scheduler may sell in: its volume throttle and its order-size rules.</summary>
/// <remarks>Immutable; the throttle is shared with whatever else reports depth and volume to it.</remarks>
public sealed class SchedulerMarket
{
    /// <summary>Creates a market.</summary>
    /// <param name="throttle">The market's volume throttle (use <see cref="UnlimitedVolumeThrottle"/> for none); its market id names this market.</param>
    /// <param name="minimumOrder">The smallest quantity the venue accepts; finite, positive.</param>
    /// <param name="maximumSlice">The largest single slice; finite and at least <paramref name="minimumOrder"/>, or +∞.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public SchedulerMarket(IVolumeThrottle throttle, double minimumOrder, double maximumSlice = double.PositiveInfinity)
    {
        Guard.NotNull(throttle);
        Guard.FinitePositive(minimumOrder);
        if (double.IsNaN(maximumSlice) || maximumSlice < minimumOrder)
        {
            Guard.Throw(nameof(maximumSlice), maximumSlice, "must be at least the minimum order");
        }

        Throttle = throttle;
        MinimumOrder = minimumOrder;
        MaximumSlice = maximumSlice;
    }

    /// <summary>The market.</summary>
    public MarketId Market => Throttle.Market;

    /// <summary>The market's volume throttle.</summary>
    public IVolumeThrottle Throttle { get; }

    /// <summary>The smallest quantity the venue accepts.</summary>
    public double MinimumOrder { get; }

    /// <summary>The largest single slice.</summary>
    public double MaximumSlice { get; }
}
