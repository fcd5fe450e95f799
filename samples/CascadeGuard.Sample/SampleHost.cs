using System.Globalization;
using CascadeGuard.Engine;
using CascadeGuard.Feeds;
using CascadeGuard.Hosting;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CascadeGuard.Sample;

/// <summary>
/// A minimal host: registers the engine with dependency injection, plugs in fake feeds over a real crash day, opens a
/// few hundred leveraged accounts, and runs one tick per 10-minute bar. It plays the executor too: sales fill at their
/// limit price or better and keepers take auctions at the current price; it prints every instruction.
/// </summary>
internal static class SampleHost
{
    public static readonly AssetId Eth = new(0);
    public static readonly AssetId Usdc = new(1);
    public static readonly MarketId EthUsdc = new(0);

    public static int Run(TextWriter output, string[] args)
    {
        var baseDirectory = AppContext.BaseDirectory;
        var feeds = new CrashDayFeeds(Path.Combine(baseDirectory, "data", "eth_usd_10min_2021-05-19.csv"));
        var clock = new ReplayClock(feeds.Start);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = baseDirectory });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new EngineDefinition(
            new RiskParameterTable([new AssetRiskParameters(0.80, 0.83, 0.05), null]),
            Usdc,
            [new EngineMarket(EthUsdc, Eth, MinimumOrder: 0.01)]));
        builder.Services.AddSingleton<IPriceFeed>(feeds);
        builder.Services.AddSingleton<IOrderBookFeed>(feeds);
        builder.Services.AddCascadeGuard(builder.Configuration.GetSection(CascadeGuardOptions.SectionName));
        using var host = builder.Build();
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        var engine = host.Services.GetRequiredService<CascadeGuardEngine>();

        // 400 accounts: 1–20 ETH each, borrowed to health factors between 1.02 and 2.5 at the day's opening price.
        var random = new Random(20210519);
        for (var i = 0; i < 400; i++)
        {
            var account = engine.OpenAccount();
            var eth = 1 + (19 * random.NextDouble());
            var health = 1.02 + (1.48 * random.NextDouble() * random.NextDouble());
            engine.SetCollateral(account, Eth, eth);
            engine.SetDebt(account, Usdc, eth * feeds.Price * 0.83 / health);
        }

        long fillId = 0;
        long takeId = 0;
        var soldTotal = 0.0;
        var openAuctions = new List<(CascadeGuard.Auctions.AuctionId Id, decimal Lot)>();
        output.WriteLine("CascadeGuard sample host: ETH/USD, 19 May 2021, one tick per 10-minute bar, 400 accounts");
        for (var bar = 0; bar < feeds.BarCount; bar++)
        {
            feeds.MoveTo(bar);
            clock.MoveTo(feeds.Start.AddMinutes((10 * bar) + 10));
            engine.RecordTrades(EthUsdc, feeds.Volume);
            var tick = engine.Tick();
            var time = tick.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
            foreach (var asset in tick.PausedAssets.Span)
            {
                output.WriteLine($"{time}  paused       {asset}: the oracle cannot vouch for its price");
            }

            foreach (var transition in tick.BreakerTransitions.Span)
            {
                output.WriteLine($"{time}  breaker      {transition.From} → {transition.To} ({transition.Reason})");
            }

            foreach (var sale in tick.Sales.Span)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time}  sell         {sale.Quantity,9:F4} ETH for {sale.Account} at ≥ {sale.LimitPrice,8:F2}  window {sale.NotBefore:HH:mm:ss}–{sale.NotAfter:HH:mm:ss}"));
                engine.ApplyFill(new FillReport(++fillId, sale.Id, sale.Quantity, Math.Max(sale.LimitPrice, feeds.Price * 0.997)));
                soldTotal += sale.Quantity;
            }

            foreach (var auction in tick.AuctionsStarted.Span)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time}  auction      {auction.Lot:F4} ETH of {auction.Account} to raise {auction.Debt:F2} USDC, starting at {auction.StartPrice:F2}"));
                openAuctions.Add((auction.Auction, auction.Lot));
            }

            // Keepers buy once the auction price has fallen to the market's.
            for (var i = openAuctions.Count - 1; i >= 0; i--)
            {
                var take = engine.TakeAuction(++takeId, openAuctions[i].Id, openAuctions[i].Lot, (decimal)Math.Round(feeds.Price, 2));
                if (take.Taken)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time}  keeper takes {take.Quantity:F4} ETH at {take.Price:F2} for {take.Paid:F2} USDC ({take.Outcome})"));
                    openAuctions.RemoveAt(i);
                }
            }

            foreach (var absorbed in tick.Absorptions.Span)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time}  loss         {absorbed.Shortfall:F2} USDC: insurance {absorbed.Result.ByInsuranceFund:F2}, pools {absorbed.Result.ByBufferPools:F2}, socialized {absorbed.Result.BySocialization:F2}"));
            }
        }

        var statistics = engine.GetStatistics();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done: {statistics.MarketLiquidations} partial liquidations in the market ({soldTotal:F2} ETH sold), {statistics.AuctionLiquidations} auctions ({openAuctions.Count} still open), penalties {statistics.PenaltiesCollected:F2} USDC, insurance fund {statistics.InsuranceFundBalance:F2}, bad debt {statistics.BadDebt:F2}"));
        return 0;
    }
}
