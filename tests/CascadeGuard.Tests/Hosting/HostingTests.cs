using CascadeGuard.Engine;
using CascadeGuard.Feeds;
using CascadeGuard.Hosting;
using CascadeGuard.Oracle;
using CascadeGuard.Scheduling;
using CascadeGuard.Tests.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Hosting;

public class HostingTests
{
    private static ServiceCollection Services(FakeTimeProvider time, ScriptedPriceFeed prices, ScriptedBookFeed books)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new EngineWorld().Definition);
        services.AddSingleton<IPriceFeed>(prices);
        services.AddSingleton<IOrderBookFeed>(books);
        return services;
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new CascadeGuardOptions();
        options.TargetHealthFactor.Should().Be(1.05);
        options.CloseFactor.Should().Be(0.5);
        options.MinimumDebtRemainder.Should().Be(0);
        options.ExpectedSlippage.Should().Be(0.01);
        options.AtRiskBand.Should().Be(0.05);
        options.MaxOracleBookDeviation.Should().Be(0.15);
        options.TickInterval.Should().Be(TimeSpan.FromSeconds(1));
        options.UseVolumeThrottle.Should().BeTrue();
        options.UseAdaptiveParameters.Should().BeTrue();
        options.SettlementQuantum.Should().Be(0.000001m);
        options.BufferPools.Should().BeEmpty();
        CascadeGuardOptionsValidator.Check(options).Should().BeEmpty();

        using var provider = new ServiceCollection().AddCascadeGuard(_ => { }).BuildServiceProvider();
        provider.GetRequiredService<IOptions<CascadeGuardOptions>>().Value.TargetHealthFactor.Should().Be(1.05);
    }

    [Fact]
    public void Invalid_options_fail_at_start_naming_each_bad_field()
    {
        var services = Services(new FakeTimeProvider(), new ScriptedPriceFeed(), new ScriptedBookFeed());
        services.AddCascadeGuard(o =>
        {
            o.TargetHealthFactor = 0.9;
            o.CloseFactor = 0;
            o.ExpectedSlippage = double.NaN;
            o.Oracle.MaxStaleness = TimeSpan.Zero;
            o.Scheduler.ExecutionTime = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();
        var failure = act.Should().Throw<OptionsValidationException>().Which;
        failure.Failures.Should().Contain(f => f.StartsWith("TargetHealthFactor", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("CloseFactor", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("ExpectedSlippage", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("Oracle:", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("Scheduler:", StringComparison.Ordinal) && f.Contains("ExecutionTime", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_registration_is_harmless_and_the_containers_clock_is_used()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var services = Services(time, new ScriptedPriceFeed(), new ScriptedBookFeed());
        services.AddCascadeGuard(o => o.CloseFactor = 0.4);
        services.AddCascadeGuard(o => o.CloseFactor = 0.4);

        services.Count(d => d.ServiceType == typeof(CascadeGuardEngine)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IOptionsFactory<CascadeGuardOptions>)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(TimeProvider)).Should().Be(1);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var engine = provider.GetRequiredService<CascadeGuardEngine>();
        engine.Should().BeSameAs(provider.GetRequiredService<CascadeGuardEngine>());
        engine.Tick().Time.Should().Be(time.GetUtcNow());
    }

    [Fact]
    public void A_configuration_reload_applies_at_the_next_tick_and_a_bad_one_keeps_the_last_good_options()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var prices = new ScriptedPriceFeed();
        var books = new ScriptedBookFeed();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CascadeGuard:CloseFactor"] = "0.5",
            ["CascadeGuard:UseAdaptiveParameters"] = "false",
            ["CascadeGuard:Oracle:Smoothing"] = "None",
            ["CascadeGuard:Throttle:VolumeParticipation"] = "Infinity",
            ["CascadeGuard:Scheduler:StartJitter"] = "00:00:00",
            ["CascadeGuard:Scheduler:MaxSharePerInterval"] = "1",
        }).Build();
        var collector = new FakeLogCollector();
        var services = Services(time, prices, books);
        services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(collector));
        services.AddLogging();
        services.AddCascadeGuard(configuration.GetSection(CascadeGuardOptions.SectionName));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<CascadeGuardEngine>();
        provider.GetRequiredService<IOptions<CascadeGuardOptions>>().Value.Oracle.Smoothing.Should().Be(OracleSmoothing.None, "nested sections bind");

        // A bad value: rejected, logged, and the engine keeps 0.5 (the reload itself does not throw).
        configuration["CascadeGuard:CloseFactor"] = "7";
        FluentActions.Invoking(configuration.Reload).Should().NotThrow();
        collector.GetSnapshot().Should().Contain(r => r.Id.Id == 1005 && r.Level == LogLevel.Error && r.Message.Contains("CloseFactor", StringComparison.Ordinal));

        // A good value takes effect at the next tick: the close factor caps the planned repayment.
        configuration["CascadeGuard:CloseFactor"] = "0.1";
        configuration.Reload();
        collector.GetSnapshot().Should().Contain(r => r.Id.Id == 1006);

        var account = engine.OpenAccount();
        engine.SetCollateral(account, EngineWorld.Eth, 1.0);
        engine.SetDebt(account, EngineWorld.Usdc, 1700.0);
        time.Advance(TimeSpan.FromSeconds(1));
        prices.Set(EngineWorld.Eth, 2000, time.GetUtcNow());
        prices.Set(EngineWorld.Usdc, 1, time.GetUtcNow());
        books.Set(EngineWorld.EthUsdc, 2000, time.GetUtcNow());
        var sale = engine.Tick().Sales.Span[0];

        // Repaying 10 % of 1,700 = 170 needs 170 × 1.05 / 0.99 / 2,000 ETH.
        sale.Quantity.Should().BeApproximately(170 * 1.05 / 0.99 / 2000, 1e-12);
    }

    [Fact]
    public void Metrics_and_logs_report_what_the_engine_did()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var prices = new ScriptedPriceFeed();
        var books = new ScriptedBookFeed();
        var collector = new FakeLogCollector();
        var services = Services(time, prices, books);
        services.AddMetrics();
        services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(collector));
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddCascadeGuard(o =>
        {
            o.UseAdaptiveParameters = false;
            o.Oracle.Smoothing = OracleSmoothing.None;
            o.Throttle.VolumeParticipation = double.PositiveInfinity;
        });
        using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var released = new MetricCollector<long>(meters, "CascadeGuard", "cascadeguard.liquidations.released");
        using var notional = new MetricCollector<double>(meters, "CascadeGuard", "cascadeguard.notional.released");
        using var duration = new MetricCollector<double>(meters, "CascadeGuard", "cascadeguard.tick.duration");
        var engine = provider.GetRequiredService<CascadeGuardEngine>();
        var account = engine.OpenAccount();
        engine.SetCollateral(account, EngineWorld.Eth, 1.0);
        engine.SetDebt(account, EngineWorld.Usdc, 1700.0);
        time.Advance(TimeSpan.FromSeconds(1));
        prices.Set(EngineWorld.Eth, 2000, time.GetUtcNow());
        prices.Set(EngineWorld.Usdc, 1, time.GetUtcNow());
        books.Set(EngineWorld.EthUsdc, 2000, time.GetUtcNow());

        var sale = engine.Tick().Sales.Span[0];

        released.GetMeasurementSnapshot().EvaluateAsCounter().Should().Be(1);
        notional.GetMeasurementSnapshot().EvaluateAsCounter().Should().BeApproximately(sale.Quantity * 2000, 1e-9);
        duration.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().BeGreaterThanOrEqualTo(0);
        var logs = collector.GetSnapshot();
        logs.Should().Contain(r => r.Id.Id == 1001 && r.Level == LogLevel.Information);
        logs.Should().Contain(r => r.Id.Id == 1000 && r.Level == LogLevel.Debug);
        engine.ApplyFill(new FillReport(1, sale.Id, sale.Quantity, 1990)).Should().Be(FillOutcome.Applied);
    }
}
