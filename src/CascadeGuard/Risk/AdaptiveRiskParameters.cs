using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Risk;

/// <summary>
/// Risk parameters (liquidation threshold, penalty, throttle participation, slippage bound) that adapt to realized
/// volatility, VPIN and congestion through a documented mapping, never leave their approved bounds, move at most
/// once per interval and by at most a fixed step, and report every move as an audit record with its inputs.
/// Pinned parameters never move. See docs/adaptive-parameters.md.
/// </summary>
/// <remarks>
/// State changes only through <see cref="Update"/>. Invalid inputs throw before anything changes. Not thread-safe:
/// one instance per asset or market, driven from one thread.
/// </remarks>
public sealed class AdaptiveRiskParameters
{
    /// <summary>The number of parameters, and the span length <see cref="Update"/> needs for its change records.</summary>
    public const int ParameterCount = 4;

    private const int SnapshotVersion = 1;

    private readonly AdaptiveRiskOptions _options;
    private readonly AdaptiveParameterOptions[] _mappings;
    private readonly TimeProvider _time;
    private readonly double[] _values = new double[ParameterCount];
    private long _nextEvaluationTicks;

    /// <summary>Creates the component with every parameter at its calm (or pinned) value; the first <see cref="Update"/> evaluates at once.</summary>
    /// <param name="options">The configuration; copied and validated.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AdaptiveRiskParameters(AdaptiveRiskOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        options.Validate();
        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _mappings = new AdaptiveParameterOptions[ParameterCount];
        for (var i = 0; i < ParameterCount; i++)
        {
            _mappings[i] = _options.For((RiskParameterKind)i);
            _values[i] = _mappings[i].Initial;
        }

        _nextEvaluationTicks = _time.GetUtcNow().UtcTicks;
    }

    /// <summary>The current parameter values.</summary>
    public RiskParameterSet Current => RiskParameterSet.From(_values);

    /// <summary>The earliest time the next evaluation can happen.</summary>
    public DateTimeOffset NextEvaluation => new(_nextEvaluationTicks, TimeSpan.Zero);

    /// <summary>
    /// Evaluates <paramref name="inputs"/> if an interval has passed since the last evaluation, moves each unpinned
    /// parameter toward its target by at most its step, and writes one record per parameter that moved.
    /// </summary>
    /// <param name="inputs">The measured volatility, VPIN and congestion.</param>
    /// <param name="changes">Receives the change records; at least <see cref="ParameterCount"/> long.</param>
    /// <returns>Whether the inputs were evaluated, how many records were written, the values, and the next evaluation time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of range; nothing changes.</exception>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is too short; nothing changes.</exception>
    public AdaptiveRiskUpdate Update(in RiskInputs inputs, Span<RiskParameterChange> changes)
    {
        inputs.Validate();
        Guard.DestinationLength(changes, ParameterCount);
        var now = _time.GetUtcNow();
        if (now.UtcTicks < _nextEvaluationTicks)
        {
            return new AdaptiveRiskUpdate(false, 0, Current, NextEvaluation);
        }

        var volatilityStress = Normalise(inputs.Volatility, _options.VolatilityCalm, _options.VolatilityStressed);
        var vpinStress = Normalise(inputs.Vpin, _options.VpinCalm, _options.VpinStressed);
        var count = 0;
        for (var i = 0; i < ParameterCount; i++)
        {
            var m = _mappings[i];
            if (m.PinnedValue is not null)
            {
                continue;
            }

            var stress = Math.Clamp((m.VolatilityWeight * volatilityStress) + (m.VpinWeight * vpinStress) + (m.CongestionWeight * inputs.Congestion), 0, 1);
            var target = Math.Clamp(m.Calm + ((m.Stressed - m.Calm) * stress), m.Minimum, m.Maximum);
            var previous = _values[i];
            var next = Step(previous, target, m);
            if (next == previous)
            {
                continue;
            }

            _values[i] = next;
            changes[count++] = new RiskParameterChange((RiskParameterKind)i, previous, next, target, stress, inputs, now, next != target);
        }

        _nextEvaluationTicks = now.UtcTicks + _options.Interval.Ticks;
        return new AdaptiveRiskUpdate(true, count, Current, NextEvaluation);
    }

    private static double Normalise(double value, double calm, double stressed) => Math.Clamp((value - calm) / (stressed - calm), 0, 1);

    /// <summary>
    /// Moves from <paramref name="current"/> toward <paramref name="target"/> by at most the step, such that the
    /// move as computed in doubles never exceeds the step (rounding of current ± step is corrected by one ulp)
    /// and the result stays within the bounds.
    /// </summary>
    private static double Step(double current, double target, AdaptiveParameterOptions m)
    {
        var step = m.MaxChangePerInterval;
        if (Math.Abs(target - current) <= step)
        {
            return target;
        }

        var next = target > current ? current + step : current - step;
        while (Math.Abs(next - current) > step)
        {
            next = next > current ? Math.BitDecrement(next) : Math.BitIncrement(next);
        }

        return Math.Clamp(next, m.Minimum, m.Maximum);
    }

    /// <summary>Writes the configuration and state as versioned JSON.</summary>
    /// <returns>A document <see cref="Restore"/> turns back into an equivalent component.</returns>
    public string SaveSnapshot() => SnapshotJson.Write(
        new AdaptiveRiskSnapshot
        {
            Version = SnapshotVersion,
            Options = _options.Clone(),
            Values = (double[])_values.Clone(),
            NextEvaluationTicks = _nextEvaluationTicks,
        },
        RiskJsonContext.Default.AdaptiveRiskSnapshot);

    /// <summary>Recreates the component from <see cref="SaveSnapshot"/> output; it decides exactly as the saved one would.</summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The restored component.</returns>
    /// <exception cref="ArgumentException">The JSON is malformed, of another version, or describes an impossible state; the message names the field.</exception>
    public static AdaptiveRiskParameters Restore(string json, TimeProvider? timeProvider = null)
    {
        var s = SnapshotJson.Read(json, RiskJsonContext.Default.AdaptiveRiskSnapshot, SnapshotVersion);
        SnapshotJson.CheckNotNull(s.Options, "options");
        SnapshotJson.CheckNotNull(s.Values, "values");
        var restored = new AdaptiveRiskParameters(s.Options, timeProvider);
        SnapshotJson.Check(s.Values.Length == ParameterCount, "values.length", s.Values.Length, string.Create(CultureInfo.InvariantCulture, $"must be {ParameterCount}"));
        for (var i = 0; i < ParameterCount; i++)
        {
            var m = restored._mappings[i];
            var v = s.Values[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"values[{i}]");
            SnapshotJson.Check(double.IsFinite(v) && v >= m.Minimum && v <= m.Maximum, field, v, "must lie within the parameter's bounds");
            SnapshotJson.Check(m.PinnedValue is null || v == m.PinnedValue, field, v, "must equal the pinned value");
            restored._values[i] = v;
        }

        SnapshotJson.CheckUtcTicks(s.NextEvaluationTicks, "nextEvaluationTicks");
        restored._nextEvaluationTicks = s.NextEvaluationTicks;
        return restored;
    }
}
