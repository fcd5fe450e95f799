using System.Globalization;

namespace CascadeGuard.Scheduling;

/// <summary>
/// Options of a <see cref="LiquidationScheduler"/>. Defaults are stated on each property. The scheduler validates and copies
/// them at construction (<see cref="Validate"/>), so later changes to this object do not affect it.
/// </summary>
public sealed class LiquidationSchedulerOptions
{
    /// <summary>How far below the market's reference price a slice's limit lies, as a fraction. Default 0.02 (2 %).</summary>
    public double LimitSlippage { get; set; } = 0.02;

    /// <summary>
    /// The width of the random start: a slice released at <c>t</c> starts at <c>t + U·StartJitter</c>, <c>U</c> uniform in
    /// [0, 1) from the seeded generator. Default 10 s. Zero disables the randomisation.
    /// </summary>
    public TimeSpan StartJitter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a slice may execute after its start before what is unfilled expires. Default 30 s.</summary>
    public TimeSpan ExecutionTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The least time between two slices of the same account. Default 5 s. Zero allows a slice every tick.</summary>
    public TimeSpan AccountCooldown { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest share of a job's requested quantity released within one <see cref="ShareInterval"/> (at least one minimum
    /// order). Default 1: no cap — the market's throttle alone decides how much the book takes, because a cap that binds
    /// while the book could absorb more only holds the account's exposure to a falling price longer (docs/scheduler.md).
    /// A host that wants every account spread over time sets a share below one, such as 0.25.
    /// </summary>
    public double MaxSharePerInterval { get; set; } = 1.0;

    /// <summary>The interval of <see cref="MaxSharePerInterval"/>. Default 1 minute.</summary>
    public TimeSpan ShareInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Aging: a waiting job's priority improves by this many health-factor points per minute since its last slice, so that a
    /// shallow job released behind deeper ones never starves. Default 0.01.
    /// </summary>
    public double AgingPerMinute { get; set; } = 0.01;

    /// <summary>How long closed instructions and applied fill ids are remembered, for late and duplicate fills. Default 1 hour.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The seed of the generator that draws slice starts. Default 1. The same seed gives the same schedule, bit for bit.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Checks every option and returns the problems, one per bad field (empty when valid).</summary>
    /// <returns>Messages naming each bad field and its value.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(double.IsFinite(LimitSlippage) && LimitSlippage >= 0 && LimitSlippage < 1, nameof(LimitSlippage), LimitSlippage, "must be in [0, 1)");
        Check(StartJitter >= TimeSpan.Zero, nameof(StartJitter), StartJitter, "must be zero or positive");
        Check(ExecutionTime > TimeSpan.Zero, nameof(ExecutionTime), ExecutionTime, "must be positive");
        Check(AccountCooldown >= TimeSpan.Zero, nameof(AccountCooldown), AccountCooldown, "must be zero or positive");
        Check(double.IsFinite(MaxSharePerInterval) && MaxSharePerInterval > 0 && MaxSharePerInterval <= 1, nameof(MaxSharePerInterval), MaxSharePerInterval, "must be in (0, 1]");
        Check(ShareInterval > TimeSpan.Zero, nameof(ShareInterval), ShareInterval, "must be positive");
        Check(double.IsFinite(AgingPerMinute) && AgingPerMinute >= 0, nameof(AgingPerMinute), AgingPerMinute, "must be finite, zero or positive");
        Check(Retention >= ExecutionTime, nameof(Retention), Retention, "must be at least ExecutionTime");
        return errors;

        void Check(bool ok, string field, object value, string rule)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {rule}; was {value}."));
            }
        }
    }

    internal LiquidationSchedulerOptions Copy() => (LiquidationSchedulerOptions)MemberwiseClone();
}
