namespace CascadeGuard.Breaker;

/// <summary>The outcome of <see cref="CircuitBreaker.Evaluate"/>.</summary>
/// <param name="Decision">What the breaker allows after this evaluation.</param>
/// <param name="Measures">The measures derived from the inputs.</param>
/// <param name="Transitioned">Whether the state changed (at most one step per evaluation, except Normal → Halted).</param>
/// <param name="Transition">The change, when <paramref name="Transitioned"/>; otherwise <c>default</c>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BreakerEvaluation(BreakerDecision Decision, BreakerMeasures Measures, bool Transitioned, BreakerTransition Transition);
