using System.Globalization;

namespace CascadeGuard.Scheduling;

/// <summary>Identifies a sell instruction a <see cref="LiquidationScheduler"/> released. Fills and cancels refer to it.</summary>
/// <param name="Value">The id, positive.</param>
public readonly record struct InstructionId(long Value)
{
    /// <summary>Formats as <c>instruction#N</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"instruction#{Value}");
}
