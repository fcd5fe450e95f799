using CascadeGuard.Auctions;
using CascadeGuard.Breaker;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Oracle;
using CascadeGuard.Risk;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;

namespace CascadeGuard.Engine;

/// <summary>
/// Options of a <see cref="CascadeGuardEngine"/>. The liquidation policy at the top (target health, close factor, dust,
/// slippage, at-risk band) may be reloaded while the engine runs: a reload that passes validation takes effect at the next
/// tick, one that fails is logged and the last good options stay. The component sections configure stateful components
/// when the engine is created; a reload of them is logged and takes effect on the next start. Validate with
/// <see cref="CascadeGuardOptionsValidator"/>; every default is stated on its property.
/// </summary>
public sealed class CascadeGuardOptions
{
    /// <summary>The configuration section name conventionally used: "CascadeGuard".</summary>
    public const string SectionName = "CascadeGuard";

    /// <summary>The health factor a partial liquidation restores; above 1. Default 1.05.</summary>
    public double TargetHealthFactor { get; set; } = 1.05;

    /// <summary>The largest share of an account's settlement debt one liquidation repays; in (0, 1]. Default 0.5.</summary>
    public double CloseFactor { get; set; } = 0.5;

    /// <summary>The smallest debt a partial liquidation may leave (settlement units); zero or more. Default 0 (no dust rule).</summary>
    public double MinimumDebtRemainder { get; set; }

    /// <summary>
    /// The slippage below the oracle price a liquidation is planned for; in [0, 1). Default 0.01. When adaptive risk parameters
    /// are on, the adapted slippage bound is used instead.
    /// </summary>
    public double ExpectedSlippage { get; set; } = 0.01;

    /// <summary>Width of the at-risk band above a health factor of 1; zero or more. Default 0.05.</summary>
    public double AtRiskBand { get; set; } = 0.05;

    /// <summary>
    /// The largest disagreement allowed between the oracle and a market's own book: when the oracle ratio of a market
    /// (collateral price over settlement price) differs from the book's mid by more than this fraction of the mid,
    /// liquidations of the market's collateral and its sales pause until they agree again, as Compound's
    /// UniswapAnchoredView refuses a reported price outside ±15 % of its on-chain anchor. Positive, or
    /// <see cref="double.PositiveInfinity"/> for off. Default 0.15.
    /// </summary>
    public double MaxOracleBookDeviation { get; set; } = 0.15;

    /// <summary>The host's tick interval, used to annualise the volatility measured tick to tick; positive. Default 1 second.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether market sales go through the depth-aware volume throttle; false uses the unlimited throttle. Default true.</summary>
    public bool UseVolumeThrottle { get; set; } = true;

    /// <summary>Whether adaptive risk parameters tighten throttle participation and planned slippage. Default true.</summary>
    public bool UseAdaptiveParameters { get; set; } = true;

    /// <summary>The money quantum of the ledgers (insurance fund, pools, penalties), in settlement units. Default 0.000001.</summary>
    public decimal SettlementQuantum { get; set; } = 0.000001m;

    /// <summary>Oracle guard options, one guard per asset.</summary>
    public OracleGuardOptions Oracle { get; set; } = new();

    /// <summary>Volume throttle options, one throttle per market.</summary>
    public VolumeThrottleOptions Throttle { get; set; } = new();

    /// <summary>Liquidation scheduler options.</summary>
    public LiquidationSchedulerOptions Scheduler { get; set; } = new();

    /// <summary>Dutch auction options. Default: the auction house's defaults with money to 6 decimals.</summary>
    public DutchAuctionOptions Auctions { get; set; } = new() { MoneyDecimals = 6 };

    /// <summary>Circuit breaker options, one breaker per market.</summary>
    public CircuitBreakerOptions Breaker { get; set; } = new();

    /// <summary>Adaptive risk parameter options.</summary>
    public AdaptiveRiskOptions Adaptive { get; set; } = new();

    /// <summary>Insurance fund floor and cap (its asset and quantum are the settlement asset and <see cref="SettlementQuantum"/>).</summary>
    public InsuranceFundOptions Insurance { get; set; } = new();

    /// <summary>How losses beyond the insurance fund and pools are borne, and how penalties are split.</summary>
    public LossWaterfallOptions Waterfall { get; set; } = new();

    /// <summary>Buffer pools (their debt asset must be the settlement asset). Default none.</summary>
    public IList<BufferPoolOptions> BufferPools { get; } = [];
}
