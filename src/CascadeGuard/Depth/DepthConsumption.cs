namespace CascadeGuard.Depth;

/// <summary>Depth taken out of a book at a moment: a sale of <see cref="Quantity"/> base units at <see cref="Time"/>.</summary>
/// <param name="Time">When the depth was consumed.</param>
/// <param name="Quantity">Base units consumed.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct DepthConsumption(DateTimeOffset Time, double Quantity);
