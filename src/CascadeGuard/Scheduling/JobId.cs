using System.Globalization;

namespace CascadeGuard.Scheduling;

/// <summary>Identifies a liquidation job of a <see cref="LiquidationScheduler"/>. Issued by the scheduler; never reused.</summary>
/// <param name="Value">The id, positive.</param>
public readonly record struct JobId(long Value)
{
    /// <summary>Formats as <c>job#N</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"job#{Value}");
}
