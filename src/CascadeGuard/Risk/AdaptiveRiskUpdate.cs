namespace CascadeGuard.Risk;

/// <summary>The outcome of <see cref="AdaptiveRiskParameters.Update"/>.</summary>
/// <param name="Evaluated">
/// Whether the inputs were evaluated. False when called before <paramref name="NextEvaluation"/>: parameters move
/// at most once per interval, and inputs offered in between are ignored.
/// </param>
/// <param name="ChangeCount">How many change records were written to the caller's span (0 to 4).</param>
/// <param name="Parameters">The parameter values after the call.</param>
/// <param name="NextEvaluation">The earliest time the next evaluation can happen.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct AdaptiveRiskUpdate(bool Evaluated, int ChangeCount, RiskParameterSet Parameters, DateTimeOffset NextEvaluation);
