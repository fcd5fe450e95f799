namespace CascadeGuard.Oracle;

/// <summary>How <see cref="OracleGuard"/> smooths the admitted price series before the engine acts on it.</summary>
public enum OracleSmoothing
{
    /// <summary>No smoothing: the latest admitted price (the median of the live sources).</summary>
    None = 0,

    /// <summary>Time-weighted average of the admitted price over <see cref="OracleGuardOptions.TwapWindow"/>.</summary>
    Twap = 1,

    /// <summary>Continuous-time exponential moving average with half-life <see cref="OracleGuardOptions.EmaHalfLife"/>.</summary>
    Ema = 2,
}
