using System.Diagnostics.Metrics;

namespace CascadeGuard.Engine;

/// <summary>
/// The engine's instruments on the one <see cref="Meter"/> named <c>CascadeGuard</c>. Names are lower-case and dotted,
/// with UCUM-style units. Created through <see cref="IMeterFactory"/> when one is given (dependency injection), so hosts
/// export them with OpenTelemetry's <c>AddMeter("CascadeGuard")</c>.
/// </summary>
internal sealed class EngineTelemetry : IDisposable
{
    public const string MeterName = "CascadeGuard";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public EngineTelemetry(IMeterFactory? factory)
    {
        _meter = factory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        _ownsMeter = factory is null;
        LiquidationsReleased = _meter.CreateCounter<long>("cascadeguard.liquidations.released", "{instruction}", "Market sale instructions released.");
        NotionalReleased = _meter.CreateCounter<double>("cascadeguard.notional.released", "{settlement}", "Settlement value of the market sales released, at their reference price.");
        NotionalDenied = _meter.CreateCounter<double>("cascadeguard.notional.denied", "{settlement}", "Settlement value of slices the volume throttles refused, at their reference price.");
        AuctionsStarted = _meter.CreateCounter<long>("cascadeguard.auctions.started", "{auction}", "Auctions started.");
        AuctionTakes = _meter.CreateCounter<long>("cascadeguard.auctions.takes", "{take}", "Auction takes applied.");
        BufferAbsorbed = _meter.CreateCounter<double>("cascadeguard.buffer.absorbed", "{settlement}", "Debt absorbed by buffer pools.");
        InsuranceCovered = _meter.CreateCounter<double>("cascadeguard.insurance.covered", "{settlement}", "Debt covered by the insurance fund.");
        BadDebt = _meter.CreateCounter<double>("cascadeguard.bad_debt", "{settlement}", "Debt socialized or left unabsorbed.");
        BreakerState = _meter.CreateGauge<int>("cascadeguard.breaker.state", "{state}", "Circuit-breaker state per market: 0 normal, 1 throttled, 2 halted.");
        TickDuration = _meter.CreateHistogram<double>("cascadeguard.tick.duration", "s", "Time to run one tick.");
    }

    public Counter<long> LiquidationsReleased { get; }

    public Counter<double> NotionalReleased { get; }

    public Counter<double> NotionalDenied { get; }

    public Counter<long> AuctionsStarted { get; }

    public Counter<long> AuctionTakes { get; }

    public Counter<double> BufferAbsorbed { get; }

    public Counter<double> InsuranceCovered { get; }

    public Counter<double> BadDebt { get; }

    public Gauge<int> BreakerState { get; }

    public Histogram<double> TickDuration { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
