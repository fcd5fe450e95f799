using CascadeGuard.Breaker;
using CascadeGuard.Engine;
using CascadeGuard.Margin;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Engine;

/// <summary>One ETH/USDC platform for engine tests: ETH (LT 0.8, penalty 5 %) against USDC settlement debt.</summary>
internal sealed class EngineWorld : IDisposable
{
    public static readonly AssetId Eth = new(0);
    public static readonly AssetId Usdc = new(1);
    public static readonly MarketId EthUsdc = new(0);

    public EngineWorld(Action<CascadeGuardOptions>? configure = null, double minimumOrder = 0.01)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Definition = new EngineDefinition(
            new RiskParameterTable([new AssetRiskParameters(0.75, 0.8, 0.05), null]),
            Usdc,
            [new EngineMarket(EthUsdc, Eth, minimumOrder)]);
        Options = new CascadeGuardOptions
        {
            Oracle = new OracleGuardOptions { Smoothing = OracleSmoothing.None, MaxDeviation = 1.0 },
            Breaker = new CircuitBreakerOptions
            {
                PriceDrop = new BreakerThresholds(0.90, 0.80, 0.95, 0.90),
                Volatility = new BreakerThresholds(1e6, 0.9e6, 2e6, 1.9e6),
            },
            UseAdaptiveParameters = false,
        };
        Options.Throttle.VolumeParticipation = double.PositiveInfinity;
        Options.Scheduler.StartJitter = TimeSpan.Zero;
        Options.Scheduler.MaxSharePerInterval = 1.0;
        configure?.Invoke(Options);
        Engine = new CascadeGuardEngine(Definition, Prices, Books, Options, Time);
    }

    public FakeTimeProvider Time { get; }

    public EngineDefinition Definition { get; }

    public CascadeGuardOptions Options { get; }

    public ScriptedPriceFeed Prices { get; } = new();

    public ScriptedBookFeed Books { get; } = new();

    public CascadeGuardEngine Engine { get; }

    /// <summary>Quotes ETH at <paramref name="eth"/> and USDC at 1, with a fresh book around the ETH price, then ticks.</summary>
    public TickResult Tick(double eth, TimeSpan? advance = null)
    {
        Time.Advance(advance ?? TimeSpan.FromSeconds(1));
        var now = Time.GetUtcNow();
        Prices.Set(Eth, eth, now);
        Prices.Set(Usdc, 1.0, now);
        Books.Set(EthUsdc, eth, now);
        return Engine.Tick();
    }

    public AccountId Account(double eth, double usdcDebt)
    {
        var id = Engine.OpenAccount();
        Engine.SetCollateral(id, Eth, eth);
        Engine.SetDebt(id, Usdc, usdcDebt);
        return id;
    }

    public MarginEvaluation Evaluate(AccountId account, out double eth, out double debt, out double usdcHeld)
    {
        var collateral = new CollateralPosition[4];
        var debts = new DebtPosition[2];
        var evaluation = Engine.GetAccount(account, collateral, debts, out var n, out var m);
        eth = collateral[..n].Where(p => p.Asset == Eth).Sum(p => p.Quantity);
        usdcHeld = collateral[..n].Where(p => p.Asset == Usdc).Sum(p => p.Quantity);
        debt = debts[..m].Where(p => p.Asset == Usdc).Sum(p => p.Amount);
        return evaluation;
    }

    public void Dispose() => Engine.Dispose();
}
