using System.Globalization;
using System.Text.Json;
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
        foreach (var (asset, t) in _totals)
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
        return JsonSerializer.Serialize(snapshot, AuctionJsonContext.Default.AuctionHouseSnapshot);
    }

    /// <summary>Rebuilds a house from <see cref="SaveSnapshot"/> output, checking every field and both conservation identities.</summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="shortfallSink">Receives future shortfalls.</param>
    /// <returns>The restored house.</returns>
    /// <exception cref="ArgumentException">The JSON is malformed, of another version, or inconsistent; the message names the field.</exception>
    public static DutchAuctionHouse Restore(string json, TimeProvider timeProvider, IAuctionShortfallSink shortfallSink)
    {
        Guard.NotNull(json);
        AuctionHouseSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(json, AuctionJsonContext.Default.AuctionHouseSnapshot);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The auction-house snapshot is not valid JSON of the expected shape: " + e.Message, nameof(json), e);
        }

        if (snapshot is null)
        {
            throw new ArgumentException("The auction-house snapshot is null.", nameof(json));
        }

        if (snapshot.Version != SnapshotVersion)
        {
            Bad(string.Create(CultureInfo.InvariantCulture, $"Version is {snapshot.Version}; this build reads {SnapshotVersion}"));
        }

        DutchAuctionHouse house;
        try
        {
            house = new DutchAuctionHouse(DutchAuctionOptions.FromSnapshot(snapshot.Options), timeProvider, shortfallSink);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException("Options in the auction-house snapshot are invalid: " + e.Message, nameof(json), e);
        }

        house.Load(snapshot);
        return house;
    }

    private void Load(AuctionHouseSnapshot s)
    {
        if (s.NextId < 1 || s.Starts < 0 || s.Takes < 0 || s.Resets < 0 || s.StopLevel > AuctionStopLevel.NoTakes)
        {
            Bad("NextId, Starts, Takes, Resets or StopLevel is out of range");
        }

        foreach (var (asset, t) in s.Assets)
        {
            bool negative = t.CollateralStarted < 0m || t.CollateralSold < 0m || t.CollateralReturned < 0m || t.CollateralInAuction < 0m
                || t.DebtStarted < 0m || t.DebtRaised < 0m || t.Shortfall < 0m || t.DebtInAuction < 0m || t.IncentivesPaid < 0m;
            bool conserves = t.CollateralStarted == t.CollateralSold + t.CollateralReturned + t.CollateralInAuction
                && t.DebtStarted == t.DebtRaised + t.Shortfall + t.DebtInAuction;
            if (asset < 0 || negative || !conserves || !_totals.TryAdd(asset, t))
            {
                Bad(string.Create(CultureInfo.InvariantCulture, $"Assets[{asset}] is negative, repeated, or does not conserve collateral and debt"));
            }
        }

        var collateralIn = new Dictionary<int, decimal>();
        var debtIn = new Dictionary<int, decimal>();
        foreach (var a in s.Auctions)
        {
            bool valid = a.Id >= 1 && a.Id < s.NextId && a.Owner >= 0 && a.Asset >= 0 && a.Resets >= 0
                && a.Lot > 0m && a.Debt > 0m && a.StartPrice > 0m && a.FloorPrice >= 0m && a.FloorPrice <= a.StartPrice
                && a.ReferencePrice > 0m
                && decimal.Round(a.Lot, _options.QuantityDecimals, MidpointRounding.ToZero) == a.Lot
                && decimal.Round(a.Debt, _options.MoneyDecimals, MidpointRounding.ToZero) == a.Debt
                && a.Lot <= _exactProductLimit / a.StartPrice
                && _totals.ContainsKey(a.Asset);
            if (!valid || _active.ContainsKey(a.Id))
            {
                Bad(string.Create(CultureInfo.InvariantCulture, $"Auctions[id {a.Id}] is out of range, repeated, or of an asset without totals"));
            }

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
            if (t.CollateralInAuction != collateralIn.GetValueOrDefault(asset) || t.DebtInAuction != debtIn.GetValueOrDefault(asset))
            {
                Bad(string.Create(CultureInfo.InvariantCulture, $"Assets[{asset}] in-auction totals differ from the running auctions"));
            }

            totalDebtIn += t.DebtInAuction;
        }

        _nextId = s.NextId;
        _stopLevel = s.StopLevel;
        _starts = s.Starts;
        _takes = s.Takes;
        _resets = s.Resets;
        _debtInAuction = totalDebtIn;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    internal static void Bad(string what, string paramName = "json") =>
        throw new ArgumentException("The auction-house snapshot is inconsistent: " + what + ".", paramName);
}
