using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>Configuration of one <see cref="BufferPool"/>. Copied at construction; later changes have no effect on a pool.</summary>
public sealed class BufferPoolOptions
{
    /// <summary>Name used in messages and snapshots. Default <c>"buffer"</c>.</summary>
    public string Name { get; set; } = "buffer";

    /// <summary>The debt-denominated asset depositors deposit and that offsets cancel. Default asset 0.</summary>
    public AssetId DebtAsset { get; set; }

    /// <summary>
    /// Smallest unit of the debt asset in this pool. Default <c>0.000001</c>. At most 18 decimal places and a
    /// mantissa of at most 2^32; amounts are limited to 2^63 − 1 quanta (9.2 × 10^12 whole units at the default).
    /// </summary>
    public decimal DebtQuantum { get; set; } = 0.000001m;

    /// <summary>
    /// The least balance a partial offset must leave in the pool. Default <c>1</c> (one whole unit of the debt asset).
    /// An offset either leaves at least this much or empties the pool exactly; it can never empty it by rounding.
    /// Must be a positive multiple of <see cref="DebtQuantum"/>.
    /// </summary>
    public decimal MinimumBalance { get; set; } = 1m;

    /// <summary>Assets depositors can gain: collateral of the liquidations the pool absorbs, and reward assets. At least one; distinct.</summary>
    public IList<PoolAsset> GainAssets { get; } = [];

    /// <summary>Markets whose liquidations a <see cref="BufferPoolSet"/> routes to this pool; empty (the default) means every market.</summary>
    public IList<MarketId> Markets { get; } = [];

    /// <summary>Routing order inside a <see cref="BufferPoolSet"/>: lower first (first-loss tier). Default 0.</summary>
    public int Priority { get; set; }

    /// <summary>Checks every field and cross-field rule.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("'Name' must not be empty.", nameof(Name));
        }

        var debt = new MoneyUnits(DebtQuantum, nameof(DebtQuantum));
        if (MinimumBalance <= 0m || !debt.IsWhole(MinimumBalance))
        {
            Guard.Throw(nameof(MinimumBalance), MinimumBalance, string.Create(CultureInfo.InvariantCulture, $"must be a positive whole multiple of DebtQuantum {DebtQuantum}"));
        }

        if (GainAssets.Count == 0)
        {
            throw new ArgumentException("'GainAssets' must list at least one asset.", nameof(GainAssets));
        }

        for (var i = 0; i < GainAssets.Count; i++)
        {
            MoneyUnits.Validate(GainAssets[i].Quantum, string.Create(CultureInfo.InvariantCulture, $"GainAssets[{i}].Quantum"));
            for (var j = 0; j < i; j++)
            {
                if (GainAssets[j].Asset == GainAssets[i].Asset)
                {
                    Guard.Throw(nameof(GainAssets), GainAssets[i].Asset, "must not list an asset twice");
                }
            }
        }

        for (var i = 0; i < Markets.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Markets[j] == Markets[i])
                {
                    Guard.Throw(nameof(Markets), Markets[i], "must not list a market twice");
                }
            }
        }
    }

    internal BufferPoolOptions Clone()
    {
        var copy = new BufferPoolOptions
        {
            Name = Name,
            DebtAsset = DebtAsset,
            DebtQuantum = DebtQuantum,
            MinimumBalance = MinimumBalance,
            Priority = Priority,
        };
        foreach (var a in GainAssets)
        {
            copy.GainAssets.Add(a);
        }

        foreach (var m in Markets)
        {
            copy.Markets.Add(m);
        }

        return copy;
    }
}
