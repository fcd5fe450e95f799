namespace CascadeGuard.Risk;

/// <summary>
/// An audit record of one parameter move: what moved, from what to what, toward which target, and the inputs and
/// stress that asked for it, so that a risk team can see why.
/// </summary>
/// <param name="Kind">The parameter.</param>
/// <param name="Previous">The value before.</param>
/// <param name="Current">The value after.</param>
/// <param name="Target">Where the mapping wanted the value; differs from <paramref name="Current"/> when rate-limited.</param>
/// <param name="Stress">The parameter's combined stress score in [0, 1] that produced the target.</param>
/// <param name="Inputs">The measured inputs of this evaluation.</param>
/// <param name="Time">The evaluation time, from the component's <see cref="TimeProvider"/>.</param>
/// <param name="RateLimited">Whether the move was cut to the maximum change per interval.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct RiskParameterChange(
    RiskParameterKind Kind,
    double Previous,
    double Current,
    double Target,
    double Stress,
    RiskInputs Inputs,
    DateTimeOffset Time,
    bool RateLimited);
