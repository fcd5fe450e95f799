using System.Diagnostics.Metrics;
using CascadeGuard.Engine;
using CascadeGuard.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CascadeGuard.Hosting;

/// <summary>
/// Registers the CascadeGuard engine with dependency injection. The host registers its own <see cref="EngineDefinition"/>,
/// <see cref="IPriceFeed"/> and <see cref="IOrderBookFeed"/>; the engine takes <see cref="TimeProvider"/>, logging and
/// <see cref="IMeterFactory"/> from the container when they are there.
/// </summary>
public static class CascadeGuardServiceCollectionExtensions
{
    /// <summary>Adds the engine, configuring its options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; runs each time the options are built.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddCascadeGuard(this IServiceCollection services, Action<CascadeGuardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CascadeGuardOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Adds the engine, binding its options to a configuration section (for example <c>configuration.GetSection("CascadeGuard")</c>).
    /// A change to the section reloads the liquidation policy at the next tick.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddCascadeGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CascadeGuardOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<CascadeGuardOptions>().ValidateOnStart();

        // Validates at start; reloads are validated by the engine, which logs a bad one and keeps the last good options.
        services.TryAddSingleton<IOptionsFactory<CascadeGuardOptions>, CascadeGuardOptionsFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new CascadeGuardEngine(
            provider.GetRequiredService<EngineDefinition>(),
            provider.GetRequiredService<IPriceFeed>(),
            provider.GetRequiredService<IOrderBookFeed>(),
            provider.GetRequiredService<IOptionsMonitor<CascadeGuardOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<CascadeGuardEngine>>() ?? NullLogger<CascadeGuardEngine>.Instance,
            provider.GetService<IMeterFactory>()));
        return services;
    }
}
