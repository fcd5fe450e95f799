namespace CascadeGuard.Simulation.Runs;

/// <summary>The figures measured for each policy in each world (definitions in docs/simulator.md, "Metrics").</summary>
internal enum Metric
{
    BadDebt,
    AccountsLiquidated,
    Liquidations,
    CollateralSold,
    SaleProceeds,
    BorrowerLoss,
    KeeperIncentives,
    MinPrice,
    ExogenousMinPrice,
    InducedDrawdown,
    Drawdown,
    PeakStepVolume,
    CascadeRounds,
    TimeToClearMinutes,
    PeakUnfilled,
    NearZeroSales,
    PoolAbsorption,
    InsuranceAbsorption,
    AvoidableLiquidations,
}

/// <summary>How a metric is named and shown.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Key">JSON key (camelCase).</param>
/// <param name="Label">Table label.</param>
/// <param name="Format">.NET format for the table.</param>
internal sealed record MetricInfo(Metric Metric, string Key, string Label, string Format)
{
    /// <summary>Every metric, in report order.</summary>
    public static IReadOnlyList<MetricInfo> All { get; } =
    [
        new(Metric.BadDebt, "badDebt", "Bad debt", "N0"),
        new(Metric.AccountsLiquidated, "accountsLiquidated", "Accounts liquidated", "N0"),
        new(Metric.Liquidations, "liquidations", "Liquidation events", "N0"),
        new(Metric.CollateralSold, "collateralSold", "Collateral sold (units)", "N1"),
        new(Metric.SaleProceeds, "saleProceeds", "Sale proceeds", "N0"),
        new(Metric.BorrowerLoss, "borrowerLoss", "Borrower loss (penalty + slippage)", "N0"),
        new(Metric.KeeperIncentives, "keeperIncentives", "Keeper incentives", "N0"),
        new(Metric.MinPrice, "minPrice", "Min simulated price", "N2"),
        new(Metric.ExogenousMinPrice, "exogenousMinPrice", "Min exogenous price", "N2"),
        new(Metric.InducedDrawdown, "inducedDrawdown", "Induced extra drawdown", "P2"),
        new(Metric.Drawdown, "drawdown", "Drawdown from start", "P2"),
        new(Metric.PeakStepVolume, "peakStepVolume", "Peak volume per step (units)", "N1"),
        new(Metric.CascadeRounds, "cascadeRounds", "Cascade rounds (steps)", "N1"),
        new(Metric.TimeToClearMinutes, "timeToClearMinutes", "Time until none liquidatable (min)", "N0"),
        new(Metric.PeakUnfilled, "peakUnfilled", "Peak unfilled liquidations (debt)", "N0"),
        new(Metric.NearZeroSales, "nearZeroSales", "Sold at near-zero prices (units)", "N1"),
        new(Metric.PoolAbsorption, "poolAbsorption", "Buffer-pool absorption", "N0"),
        new(Metric.InsuranceAbsorption, "insuranceAbsorption", "Insurance absorption", "N0"),
        new(Metric.AvoidableLiquidations, "avoidableLiquidations", "Avoidable liquidations", "N0"),
    ];

    public static int Count => All.Count;
}
