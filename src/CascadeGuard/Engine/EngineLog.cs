using CascadeGuard.Breaker;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;
using Microsoft.Extensions.Logging;

namespace CascadeGuard.Engine;

/// <summary>The engine's log events, source-generated, with fixed event ids (1000–1099).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Tick at {Time}: {Evaluated} accounts evaluated, {NewLiquidations} new liquidations, {Sales} sales, {Auctions} auctions started")]
    public static partial void TickSummary(ILogger logger, DateTimeOffset time, int evaluated, int newLiquidations, int sales, int auctions);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Liquidation released: {Instruction} sells {Quantity} in {Market} for {Account}, limit {LimitPrice}")]
    public static partial void LiquidationReleased(ILogger logger, Scheduling.InstructionId instruction, double quantity, MarketId market, AccountId account, double limitPrice);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Circuit breaker of {Market} moved from {From} to {To} ({Reason})")]
    public static partial void BreakerTransition(ILogger logger, MarketId market, BreakerState from, BreakerState to, BreakerReason reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Liquidations of {Asset} paused: oracle status {Status}")]
    public static partial void OraclePaused(ILogger logger, AssetId asset, OracleStatus status);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Liquidations of {Asset} resumed: oracle status {Status}")]
    public static partial void OracleResumed(ILogger logger, AssetId asset, OracleStatus status);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Options reload rejected; keeping the last good options: {Errors}")]
    public static partial void ReloadRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Options reloaded; the liquidation policy applies from the next tick, component sections on the next start")]
    public static partial void Reloaded(ILogger logger);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Order book of {Market} rejected: {Rejection}")]
    public static partial void BookRejected(ILogger logger, MarketId market, Feeds.BookRejection rejection);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Auction {Auction} started for {Account}: {Lot} of {Asset} to raise {Debt}")]
    public static partial void AuctionStarted(ILogger logger, Auctions.AuctionId auction, AccountId account, decimal lot, AssetId asset, decimal debt);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Auction {Auction} left {Shortfall} of debt: insurance {Insurance}, pools {Pools}, socialized {Socialized}, unabsorbed {Unabsorbed}")]
    public static partial void ShortfallAbsorbed(ILogger logger, Auctions.AuctionId auction, decimal shortfall, decimal insurance, decimal pools, decimal socialized, decimal unabsorbed);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Liquidations of {Asset} paused: its oracle price and its market's book differ by more than {Tolerance}")]
    public static partial void OracleDisputed(ILogger logger, AssetId asset, double tolerance);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Liquidations of {Asset} resumed: its oracle price and its market's book agree again")]
    public static partial void OracleDisputeCleared(ILogger logger, AssetId asset);
}
