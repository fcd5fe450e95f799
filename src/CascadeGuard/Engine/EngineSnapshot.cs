namespace CascadeGuard.Engine;

/// <summary>The serialized form of an engine's whole state (versioned JSON). Components nest their own snapshots as text.</summary>
internal sealed class EngineSnapshot
{
    public int Version { get; set; }

    public string? Kind { get; set; }

    public int AssetCount { get; set; }

    public int[]? Markets { get; set; }

    public int AccountCount { get; set; }

    public int[]? CollateralAssets { get; set; }

    public double[]? CollateralQuantities { get; set; }

    public int[]? DebtAssets { get; set; }

    public double[]? DebtAmounts { get; set; }

    public int[][]? Holders { get; set; }

    public ulong[]? IndexedAssets { get; set; }

    public int[]? ActiveMarket { get; set; }

    public long[]? ActiveAuction { get; set; }

    public int[]? Dirty { get; set; }

    /// <summary>Accounts the tick evaluates on any move of an asset they hold (ascending); absent in older snapshots (then every routable one).</summary>
    public int[]? Watch { get; set; }

    public string[]? Oracles { get; set; }

    public long[]? LastQuoteTicks { get; set; }

    public double[]? Prices { get; set; }

    public double[]? EvaluatedPrices { get; set; }

    public bool[]? CanLiquidate { get; set; }

    /// <summary>Per asset: whether a market's book disputes its oracle price (absent in older snapshots: none disputed).</summary>
    public bool[]? Disputed { get; set; }

    /// <summary>Per market: the mid of the last book read, 0 before any (absent in older snapshots: none read).</summary>
    public double[]? BookMid { get; set; }

    public double[][]? Volatility { get; set; }

    public string[]? Throttles { get; set; }

    public string[]? Breakers { get; set; }

    public double[]? DepthNotional { get; set; }

    public double[]? Vpin { get; set; }

    public double Congestion { get; set; }

    public string? Scheduler { get; set; }

    public string? Auctions { get; set; }

    public string? InsuranceFund { get; set; }

    public string? BufferPools { get; set; }

    public string? Waterfall { get; set; }

    public string? Adaptive { get; set; }

    public long Ticks { get; set; }

    public long MarketLiquidations { get; set; }

    public long AuctionLiquidations { get; set; }

    public double CollateralSoldNotional { get; set; }

    public double DebtRepaid { get; set; }

    public decimal Penalties { get; set; }

    public decimal BadDebt { get; set; }

    public Dictionary<long, CascadeGuard.Auctions.AuctionTakeResult>? Takes { get; set; }
}
