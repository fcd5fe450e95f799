using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

/// <summary>
/// Settings of a <see cref="DutchAuctionHouse"/>. Money (debt, proceeds, incentives, limits) is <see cref="decimal"/>;
/// the house copies these at construction. Call <see cref="Validate"/> to check them (the house does).
/// </summary>
public sealed class DutchAuctionOptions
{
    /// <summary>The price curve. Default: stair step, cut 0.99 every 90 seconds.</summary>
    public AuctionPriceCurve Curve { get; set; } = AuctionPriceCurve.StairStepExponential(0.99, TimeSpan.FromSeconds(90));

    /// <summary>Start price = oracle price × this buffer (MakerDAO <c>buf</c>). Default 1.2. Positive, at most 100.</summary>
    public decimal StartBuffer { get; set; } = 1.2m;

    /// <summary>Floor price = oracle price × this fraction; the price never goes below it. Default 0. In [0, <see cref="StartBuffer"/>].</summary>
    public decimal FloorFraction { get; set; }

    /// <summary>
    /// An auction must be reset when its age is strictly greater than this (MakerDAO <c>tail</c>). Default 2 hours. Positive.
    /// </summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// An auction must be reset when its price is strictly below this fraction of the oracle price it was (re)started at
    /// (MakerDAO <c>cusp</c>, which is relative to the start price: ours = cusp × buffer). Default 0.5. In [0, <see cref="StartBuffer"/>].
    /// At least one of this and <see cref="FloorFraction"/> must be positive, so no take ever happens at a zero price.
    /// </summary>
    public decimal ResetPriceFraction { get; set; } = 0.5m;

    /// <summary>
    /// Dust (MakerDAO <c>dust</c>/<c>chost</c>): a partial take must leave zero debt or at least this much; a partial start
    /// must start and leave at least this much; a reset pays its incentive only when debt and lot value both reach it.
    /// Default 0. Zero or positive.
    /// </summary>
    public decimal MinimumDebt { get; set; }

    /// <summary>Flat part of the keeper incentive paid per start and per reset (MakerDAO <c>tip</c>). Default 0. Zero or positive.</summary>
    public decimal IncentiveFlat { get; set; }

    /// <summary>Proportional part of the keeper incentive, × the auction's debt (MakerDAO <c>chip</c>). Default 0. In [0, 1].</summary>
    public decimal IncentiveRate { get; set; }

    /// <summary>Most debt in auction across all assets (MakerDAO <c>Hole</c>). Default unlimited (<see cref="decimal.MaxValue"/>). Positive.</summary>
    public decimal MaxDebtInAuction { get; set; } = decimal.MaxValue;

    /// <summary>Most debt in auction per asset (MakerDAO <c>ilk.hole</c>); assets not listed are unlimited. Each zero or positive.</summary>
    public IDictionary<AssetId, decimal> AssetDebtLimits { get; } = new Dictionary<AssetId, decimal>();

    /// <summary>Decimal places of a collateral quantity. Default 8. In [0, 28]; with <see cref="PriceDecimals"/> at most 28.</summary>
    public int QuantityDecimals { get; set; } = 8;

    /// <summary>Decimal places of a price. Default 8. In [0, 28].</summary>
    public int PriceDecimals { get; set; } = 8;

    /// <summary>Decimal places of money (debt, proceeds, incentives). Default 8. In [0, 28].</summary>
    public int MoneyDecimals { get; set; } = 8;

    /// <summary>Checks every range and cross-field rule.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it and its value.</exception>
    public void Validate()
    {
        Curve.CheckValid();
        Guard.InRange(QuantityDecimals, 0, 28);
        Guard.InRange(PriceDecimals, 0, 28);
        Guard.InRange(MoneyDecimals, 0, 28);
        if (QuantityDecimals + PriceDecimals > 28)
        {
            Guard.Throw(nameof(PriceDecimals), PriceDecimals, string.Create(CultureInfo.InvariantCulture, $"plus QuantityDecimals {QuantityDecimals} must be at most 28, so quantity × price is exact"));
        }

        Guard.Positive(StartBuffer);
        if (StartBuffer > 100m)
        {
            Guard.Throw(nameof(StartBuffer), StartBuffer, "must be at most 100");
        }

        CheckFraction(FloorFraction, nameof(FloorFraction));
        CheckFraction(ResetPriceFraction, nameof(ResetPriceFraction));
        if (FloorFraction == 0m && ResetPriceFraction == 0m)
        {
            Guard.Throw(nameof(ResetPriceFraction), ResetPriceFraction, "or FloorFraction must be positive, or a curve could be taken at a zero price");
        }

        Guard.Positive(MaxDuration);
        Guard.NonNegative(MinimumDebt);
        Guard.DecimalPlaces(MinimumDebt, MoneyDecimals);
        Guard.NonNegative(IncentiveFlat);
        Guard.DecimalPlaces(IncentiveFlat, MoneyDecimals);
        Guard.NonNegative(IncentiveRate);
        if (IncentiveRate > 1m)
        {
            Guard.Throw(nameof(IncentiveRate), IncentiveRate, "must be at most 1");
        }

        Guard.Positive(MaxDebtInAuction);
        foreach (var (asset, limit) in AssetDebtLimits)
        {
            if (limit < 0m)
            {
                Guard.Throw(string.Create(CultureInfo.InvariantCulture, $"AssetDebtLimits[{asset.Value}]"), limit, "must be zero or positive");
            }
        }
    }

    /// <summary>A deep copy, so later changes to this instance do not reach a running house.</summary>
    internal DutchAuctionOptions Clone() => FromSnapshot(ToSnapshot());

    internal AuctionOptionsSnapshot ToSnapshot()
    {
        var limits = new List<AssetLimitSnapshot>(AssetDebtLimits.Count);
        foreach (var (asset, limit) in AssetDebtLimits)
        {
            limits.Add(new AssetLimitSnapshot(asset.Value, limit));
        }

        limits.Sort((a, b) => a.Asset.CompareTo(b.Asset));
        return new AuctionOptionsSnapshot(
            Curve.Kind, Curve.Period, Curve.Cut, StartBuffer, FloorFraction, MaxDuration, ResetPriceFraction, MinimumDebt,
            IncentiveFlat, IncentiveRate, MaxDebtInAuction, limits, QuantityDecimals, PriceDecimals, MoneyDecimals);
    }

    /// <summary>Rebuilds options from a snapshot; the curve factories check its parameters, <see cref="Validate"/> the rest.</summary>
    internal static DutchAuctionOptions FromSnapshot(AuctionOptionsSnapshot o)
    {
        SnapshotJson.Check(o.CurveKind != AuctionCurveKind.Linear || o.CurveCut == 0, "Options.CurveCut", o.CurveCut, "must be 0 for a linear curve");

        var options = new DutchAuctionOptions
        {
            Curve = o.CurveKind switch
            {
                AuctionCurveKind.Linear => AuctionPriceCurve.Linear(o.CurvePeriod),
                AuctionCurveKind.StairStepExponential => AuctionPriceCurve.StairStepExponential(o.CurveCut, o.CurvePeriod),
                AuctionCurveKind.Exponential => AuctionPriceCurve.Exponential(o.CurveCut, o.CurvePeriod),
                _ => default,
            },
            StartBuffer = o.StartBuffer,
            FloorFraction = o.FloorFraction,
            MaxDuration = o.MaxDuration,
            ResetPriceFraction = o.ResetPriceFraction,
            MinimumDebt = o.MinimumDebt,
            IncentiveFlat = o.IncentiveFlat,
            IncentiveRate = o.IncentiveRate,
            MaxDebtInAuction = o.MaxDebtInAuction,
            QuantityDecimals = o.QuantityDecimals,
            PriceDecimals = o.PriceDecimals,
            MoneyDecimals = o.MoneyDecimals,
        };
        foreach (var limit in o.AssetDebtLimits)
        {
            SnapshotJson.Check(limit.Asset >= 0 && options.AssetDebtLimits.TryAdd(new AssetId(limit.Asset), limit.Limit), "Options.AssetDebtLimits", limit.Asset, "has a negative or repeated asset");
        }

        return options;
    }

    private void CheckFraction(decimal value, string name)
    {
        if (value < 0m || value > StartBuffer)
        {
            Guard.Throw(name, value, string.Create(CultureInfo.InvariantCulture, $"must be in [0, StartBuffer {StartBuffer}]"));
        }
    }
}
