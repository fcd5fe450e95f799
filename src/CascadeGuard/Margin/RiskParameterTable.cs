using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// The risk parameters of every asset a platform knows, indexed by <see cref="AssetId"/>. An asset without parameters
/// may still be held or borrowed: it counts at full value in the collateral value (and so in the insolvency test) but
/// adds nothing to the risk-adjusted collateral, as lending platforms treat assets that are not enabled as collateral.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
public sealed class RiskParameterTable
{
    private readonly AssetRiskParameters?[] _parameters;
    private readonly double[] _thresholds;
    private readonly bool _anySizeSchedule;

    /// <summary>Creates a table.</summary>
    /// <param name="parametersByAsset">Entry <c>i</c> holds the parameters of asset <c>i</c>, or <see langword="null"/>
    /// when that asset is not accepted as collateral.</param>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public RiskParameterTable(IReadOnlyList<AssetRiskParameters?> parametersByAsset)
    {
        Guard.NotNull(parametersByAsset);
        if (parametersByAsset.Count == 0)
        {
            throw new ArgumentException("The table needs at least one asset.", nameof(parametersByAsset));
        }

        _parameters = new AssetRiskParameters?[parametersByAsset.Count];
        _thresholds = new double[parametersByAsset.Count];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = parametersByAsset[i];
            _parameters[i] = p;
            _thresholds[i] = p?.LiquidationThreshold ?? 0.0;
            _anySizeSchedule |= p?.SizeSchedule is not null;
        }
    }

    /// <summary>The number of assets; valid ids are <c>0 .. AssetCount − 1</c>.</summary>
    public int AssetCount => _parameters.Length;

    /// <summary>Whether any asset has a size schedule (the batch path takes a faster route when none has).</summary>
    public bool HasSizeSchedules => _anySizeSchedule;

    /// <summary>The parameters of <paramref name="asset"/>, or <see langword="null"/> when it is not collateral.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>The parameters or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The asset is not in the table.</exception>
    public AssetRiskParameters? this[AssetId asset]
    {
        get
        {
            CheckAsset(asset);
            return _parameters[asset.Value];
        }
    }

    internal ReadOnlySpan<double> Thresholds => _thresholds;

    internal AssetRiskParameters? At(int asset) => _parameters[asset];

    /// <summary>The risk-adjusted value of a holding of <paramref name="asset"/> worth <paramref name="notional"/>.</summary>
    internal double RiskAdjustedValue(int asset, double notional)
    {
        // The same product as the batch path's linear loop (notional × threshold, zero for non-collateral), so both
        // paths give the same bits.
        var p = _parameters[asset];
        return p?.SizeSchedule is null ? notional * _thresholds[asset] : p.RiskAdjustedValue(notional);
    }

    /// <summary>The maintenance requirement of a holding of <paramref name="asset"/> worth <paramref name="notional"/>.</summary>
    internal double MaintenanceRequirement(int asset, double notional)
    {
        var p = _parameters[asset];
        return p is null ? notional : p.MaintenanceRequirement(notional);
    }

    internal void CheckAsset(AssetId asset, string name = "asset")
    {
        if (asset.Value >= _parameters.Length)
        {
            Guard.Throw(name, asset.Value, string.Create(CultureInfo.InvariantCulture, $"must name an asset of the table (0..{_parameters.Length - 1})"));
        }
    }

    /// <summary>Checks that <paramref name="prices"/> covers the first <paramref name="assetCount"/> assets with finite, positive prices.</summary>
    internal static void CheckPrices(ReadOnlySpan<double> prices, int assetCount)
    {
        if (prices.Length < assetCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'prices' has {prices.Length} entries; {assetCount} assets need a price."),
                nameof(prices));
        }

        for (var i = 0; i < assetCount; i++)
        {
            var p = prices[i];
            if (!double.IsFinite(p) || p <= 0)
            {
                Guard.Throw(string.Create(CultureInfo.InvariantCulture, $"prices[{i}]"), p, "must be finite and positive");
            }
        }
    }
}
