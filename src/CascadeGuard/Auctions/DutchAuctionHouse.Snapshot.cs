using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

public sealed partial class DutchAuctionHouse
{
    private const int SnapshotVersion = 1;

    /// <summary>
    /// The whole state — settings, running auctions, totals, counters, stop level — as versioned JSON. Restoring it with
    /// <see cref="Restore"/> gives a house that answers every command exactly as this one would.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string SaveSnapshot()
    {
        var auctions = new List<AuctionSnapshot>(_active.Count);
        foreach (var s in _active.Values)
        {
            auctions.Add(new AuctionSnapshot(
                s.Id, s.Owner.Value, s.Asset.Value, s.Lot, s.Debt, s.StartPrice, s.FloorPrice, s.ReferencePrice, s.StartedAt, s.Resets));
        }

        var totals = new List<AssetTotalsSnapshot>(_totals.Count);
        foreach (var (asset, t) in _totals.OrderBy(pair => pair.Key))
        {
            totals.Add(new AssetTotalsSnapshot(asset, t));
        }

        var snapshot = new AuctionHouseSnapshot(
            SnapshotVersion,
            _options.ToSnapshot(),
            _nextId,
            _stopLevel,
            _starts,
            _takes,
            _resets,
            auctions,
            totals);
        return SnapshotJson.Write(snapshot, AuctionJsonContext.Default.AuctionHouseSnapshot);
    }

    /// <summary>Rebuilds a house from <see cref="SaveSnapshot"/> output, checking every field and both conservation identities.</summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="shortfallSink">Receives future shortfalls.</param>
    /// <returns>The restored house.</returns>
    /// <exception cref="ArgumentException">The JSON is malformed, of another version, or inconsistent; the message names the field.</exception>
    public static DutchAuctionHouse Restore(string json, TimeProvider timeProvider, IAuctionShortfallSink shortfallSink)
    {
        var snapshot = SnapshotJson.Read(json, AuctionJsonContext.Default.AuctionHouseSnapshot, SnapshotVersion);
        DutchAuctionHouse house;
        try
        {
            house = new DutchAuctionHouse(DutchAuctionOptions.FromSnapshot(snapshot.Options), timeProvider, shortfallSink);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw SnapshotJson.InvalidOptions("Options", e);
        }

        house.Load(snapshot);
        return house;
    }

    private void Load(AuctionHouseSnapshot s)
    {
        SnapshotJson.Check(s.NextId >= 1, "NextId", s.NextId, "must be positive");
        SnapshotJson.Check(s.Starts >= 0, "Starts", s.Starts, "must be zero or positive");
        SnapshotJson.Check(s.Takes >= 0, "Takes", s.Takes, "must be zero or positive");
        SnapshotJson.Check(s.Resets >= 0, "Resets", s.Resets, "must be zero or positive");
        SnapshotJson.Check(s.StopLevel <= AuctionStopLevel.NoTakes, "StopLevel", s.StopLevel, "is out of range");
        foreach (var (asset, t) in s.Assets)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"Assets[{asset}]");
            SnapshotJson.Check(asset >= 0 && !_totals.ContainsKey(asset), field, asset, "is negative or repeated");
            bool negative = t.CollateralStarted < 0m || t.CollateralSold < 0m || t.CollateralReturned < 0m || t.CollateralInAuction < 0m
                || t.DebtStarted < 0m || t.DebtRaised < 0m || t.Shortfall < 0m || t.DebtInAuction < 0m || t.IncentivesPaid < 0m;
            SnapshotJson.Check(!negative, field, Describe(t), "has a negative total");
            bool conserves = t.CollateralStarted == t.CollateralSold + t.CollateralReturned + t.CollateralInAuction
                && t.DebtStarted == t.DebtRaised + t.Shortfall + t.DebtInAuction;
            SnapshotJson.Check(conserves, field, Describe(t), "does not conserve collateral (started = sold + returned + in auction) and debt (started = raised + shortfall + in auction)");
            _totals.Add(asset, t);
        }

        var collateralIn = new Dictionary<int, decimal>();
        var debtIn = new Dictionary<int, decimal>();
        foreach (var a in s.Auctions)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"Auctions[id {a.Id}]");
            SnapshotJson.Check(a.Id >= 1 && a.Id < s.NextId, field + ".Id", a.Id, "must be in [1, NextId)");
            SnapshotJson.Check(!_active.ContainsKey(a.Id), field + ".Id", a.Id, "is repeated");
            SnapshotJson.Check(a.Owner >= 0, field + ".Owner", a.Owner, "must be zero or positive");
            SnapshotJson.Check(a.Asset >= 0 && _totals.ContainsKey(a.Asset), field + ".Asset", a.Asset, "must be an asset listed in Assets");
            SnapshotJson.Check(a.Resets >= 0, field + ".Resets", a.Resets, "must be zero or positive");
            SnapshotJson.Check(a.Lot > 0m && decimal.Round(a.Lot, _options.QuantityDecimals, MidpointRounding.ToZero) == a.Lot, field + ".Lot", a.Lot, "must be positive, at QuantityDecimals places");
            SnapshotJson.Check(a.Debt > 0m && decimal.Round(a.Debt, _options.MoneyDecimals, MidpointRounding.ToZero) == a.Debt, field + ".Debt", a.Debt, "must be positive, at MoneyDecimals places");
            // On the price grid, as the house sets it; a finer start price could overflow the exactness check below.
            SnapshotJson.Check(a.StartPrice > 0m && decimal.Round(a.StartPrice, _options.PriceDecimals, MidpointRounding.ToZero) == a.StartPrice, field + ".StartPrice", a.StartPrice, "must be positive, at PriceDecimals places");
            SnapshotJson.Check(a.FloorPrice >= 0m && a.FloorPrice <= a.StartPrice, field + ".FloorPrice", a.FloorPrice, "must be in [0, StartPrice]");
            SnapshotJson.Check(a.ReferencePrice > 0m, field + ".ReferencePrice", a.ReferencePrice, "must be positive");
            SnapshotJson.Check(a.Lot <= _exactProductLimit / a.StartPrice, field + ".Lot", a.Lot, "× StartPrice must be exact at these decimal places");
            _active.Add(a.Id, new AuctionState
            {
                Id = a.Id,
                Owner = new AccountId(a.Owner),
                Asset = new AssetId(a.Asset),
                Lot = a.Lot,
                Debt = a.Debt,
                StartPrice = a.StartPrice,
                FloorPrice = a.FloorPrice,
                ReferencePrice = a.ReferencePrice,
                StartedAt = a.StartedAt,
                Resets = a.Resets,
            });
            collateralIn[a.Asset] = collateralIn.GetValueOrDefault(a.Asset) + a.Lot;
            debtIn[a.Asset] = debtIn.GetValueOrDefault(a.Asset) + a.Debt;
        }

        decimal totalDebtIn = 0m;
        foreach (var (asset, t) in _totals)
        {
            decimal collateral = collateralIn.GetValueOrDefault(asset), debt = debtIn.GetValueOrDefault(asset);
            SnapshotJson.Check(
                t.CollateralInAuction == collateral && t.DebtInAuction == debt,
                string.Create(CultureInfo.InvariantCulture, $"Assets[{asset}]"),
                Describe(t),
                string.Create(CultureInfo.InvariantCulture, $"in-auction totals differ from the running auctions (collateral {collateral}, debt {debt})"));
            totalDebtIn += t.DebtInAuction;
        }

        _nextId = s.NextId;
        _stopLevel = s.StopLevel;
        _starts = s.Starts;
        _takes = s.Takes;
        _resets = s.Resets;
        _debtInAuction = totalDebtIn;
    }

    /// <summary>Totals as text in the invariant culture, for a refusal's message.</summary>
    private static string Describe(in AuctionAssetTotals t) => string.Create(
        CultureInfo.InvariantCulture,
        $"collateral started {t.CollateralStarted}, sold {t.CollateralSold}, returned {t.CollateralReturned}, in auction {t.CollateralInAuction}; debt started {t.DebtStarted}, raised {t.DebtRaised}, shortfall {t.Shortfall}, in auction {t.DebtInAuction}; incentives {t.IncentivesPaid}");
}
