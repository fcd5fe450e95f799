using System.Globalization;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tool.Books;

/// <summary>
/// Collects assets and positions as a reader meets them (in any order), checks them, and builds a <see cref="LoadedBook"/>.
/// Every problem becomes a <see cref="BookFormatException"/> naming where it was found.
/// </summary>
internal sealed class BookBuilder(string file)
{
    private readonly List<AssetEntry> _assets = [];
    private readonly Dictionary<string, int> _assetIndex = new(StringComparer.Ordinal);
    private readonly List<AccountEntry> _accounts = [];
    private readonly Dictionary<string, AccountEntry> _accountIndex = new(StringComparer.Ordinal);

    public void AddAsset(string location, string name, double price, AssetRiskParameters? parameters)
    {
        if (name.Length == 0)
        {
            throw Error(location, "asset", "the asset needs a name");
        }

        if (_assetIndex.ContainsKey(name))
        {
            throw Error(location, "asset", $"asset '{name}' is defined twice");
        }

        if (!double.IsFinite(price) || price <= 0)
        {
            throw Error(location, "price", string.Create(CultureInfo.InvariantCulture, $"must be a finite positive number; was {price}"));
        }

        _assetIndex[name] = _assets.Count;
        _assets.Add(new AssetEntry(name, price, parameters));
    }

    public void AddPosition(string location, bool isDebt, string account, string asset, double amount)
    {
        if (account.Length == 0)
        {
            throw Error(location, "account", "the position needs an account");
        }

        if (asset.Length == 0)
        {
            throw Error(location, "asset", "the position needs an asset");
        }

        if (!double.IsFinite(amount) || amount < 0)
        {
            throw Error(location, "amount", string.Create(CultureInfo.InvariantCulture, $"must be a finite number, zero or positive; was {amount}"));
        }

        if (!_accountIndex.TryGetValue(account, out var entry))
        {
            entry = new AccountEntry(account);
            _accountIndex[account] = entry;
            _accounts.Add(entry);
        }

        var positions = isDebt ? entry.Debts : entry.Collateral;
        if (positions.Any(p => p.Asset == asset))
        {
            throw Error(location, "asset", $"account '{account}' already has a {(isDebt ? "debt" : "collateral position")} in {asset}");
        }

        positions.Add(new PositionEntry(location, asset, amount));
    }

    public LoadedBook Build()
    {
        if (_assets.Count == 0)
        {
            throw Error("file", "asset", "the book defines no assets");
        }

        var collateralSlots = Math.Max(1, _accounts.Count == 0 ? 1 : _accounts.Max(a => a.Collateral.Count));
        var debtSlots = Math.Max(1, _accounts.Count == 0 ? 1 : _accounts.Max(a => a.Debts.Count));
        var book = new AccountBook(_assets.Count, collateralSlots, debtSlots, _accounts.Count);
        foreach (var account in _accounts)
        {
            var id = book.Add();
            foreach (var p in account.Collateral)
            {
                book.SetCollateral(id, Asset(p), p.Amount);
            }

            foreach (var p in account.Debts)
            {
                book.SetDebt(id, Asset(p), p.Amount);
            }
        }

        return new LoadedBook(
            _assets.Select(a => a.Name).ToArray(),
            _assets.Select(a => a.Price).ToArray(),
            new RiskParameterTable(_assets.Select(a => a.Parameters).ToArray()),
            book,
            _accounts.Select(a => a.Name).ToArray());
    }

    public BookFormatException Error(string location, string field, string problem) => new(file, location, field, problem);

    private AssetId Asset(PositionEntry p) =>
        _assetIndex.TryGetValue(p.Asset, out var index)
            ? new AssetId(index)
            : throw Error(p.Location, "asset", $"asset '{p.Asset}' is not defined in the book");

    private sealed record AssetEntry(string Name, double Price, AssetRiskParameters? Parameters);

    private sealed record PositionEntry(string Location, string Asset, double Amount);

    private sealed class AccountEntry(string name)
    {
        public string Name { get; } = name;

        public List<PositionEntry> Collateral { get; } = [];

        public List<PositionEntry> Debts { get; } = [];
    }
}
