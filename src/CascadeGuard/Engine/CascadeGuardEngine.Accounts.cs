using System.Globalization;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Engine;

/// <content>Account updates: opening accounts and changing their positions, validated, with the holders index kept.</content>
public sealed partial class CascadeGuardEngine
{
    /// <summary>Opens an account with no positions.</summary>
    /// <returns>The account's id.</returns>
    public AccountId OpenAccount()
    {
        var id = _book.Add();
        EnsureAccountCapacity(_book.Count);
        _activeMarket[id.Value] = -1;
        return id;
    }

    /// <summary>Sets the quantity of an asset an account holds as collateral (zero closes the position).</summary>
    /// <param name="account">The account.</param>
    /// <param name="asset">The asset.</param>
    /// <param name="quantity">Units held; finite, zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range; nothing changes.</exception>
    /// <exception cref="InvalidOperationException">The account's collateral slots are full, or it is being auctioned; nothing changes.</exception>
    public void SetCollateral(AccountId account, AssetId asset, double quantity)
    {
        CheckUpdatable(account);
        _book.SetCollateral(account, asset, quantity);
        Changed(account, asset, quantity);
    }

    /// <summary>Sets the amount of an asset an account owes (zero repays it).</summary>
    /// <param name="account">The account.</param>
    /// <param name="asset">The asset.</param>
    /// <param name="amount">Units owed; finite, zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range; nothing changes.</exception>
    /// <exception cref="InvalidOperationException">The account's debt slots are full, or it is being auctioned; nothing changes.</exception>
    public void SetDebt(AccountId account, AssetId asset, double amount)
    {
        CheckUpdatable(account);
        _book.SetDebt(account, asset, amount);
        Changed(account, asset, amount);
    }

    /// <summary>Closes every position of an account (its collateral returned and its debt repaid by the host).</summary>
    /// <param name="account">The account.</param>
    /// <exception cref="ArgumentOutOfRangeException">The account is unknown.</exception>
    /// <exception cref="InvalidOperationException">The account is being auctioned.</exception>
    public void CloseAccount(AccountId account)
    {
        CheckUpdatable(account);
        var n = _book.CopyCollateral(account, _collateralScratch);
        for (var i = 0; i < n; i++)
        {
            _book.SetCollateral(account, _collateralScratch[i].Asset, 0);
        }

        var m = _book.CopyDebts(account, _debtScratch);
        for (var i = 0; i < m; i++)
        {
            _book.SetDebt(account, _debtScratch[i].Asset, 0);
        }

        Changed(account, default, 0);
    }

    /// <summary>Copies an account's positions and evaluates its margin at the engine's current prices.</summary>
    /// <param name="account">The account.</param>
    /// <param name="collateral">Receives the collateral positions (at least <see cref="EngineDefinition.CollateralSlots"/> long).</param>
    /// <param name="debts">Receives the debts (at least <see cref="EngineDefinition.DebtSlots"/> long).</param>
    /// <param name="collateralCount">Collateral positions written.</param>
    /// <param name="debtCount">Debts written.</param>
    /// <returns>The account's margin at the prices of the last tick.</returns>
    /// <exception cref="ArgumentException">The account is unknown or a span is too short.</exception>
    public MarginEvaluation GetAccount(AccountId account, Span<CollateralPosition> collateral, Span<DebtPosition> debts, out int collateralCount, out int debtCount)
    {
        collateralCount = _book.CopyCollateral(account, collateral);
        debtCount = _book.CopyDebts(account, debts);
        return MarginCalculator.Evaluate(collateral[..collateralCount], debts[..debtCount], EvaluationPrices(), _table, _options.AtRiskBand);
    }

    /// <summary>Prices the engine evaluates at: the oracle guard's price per asset, or 1 before an asset's first price.</summary>
    private ReadOnlySpan<double> EvaluationPrices() => _evaluatedPrices;

    private void CheckUpdatable(AccountId account)
    {
        if ((uint)account.Value >= (uint)_book.Count)
        {
            Guard.Throw(nameof(account), account.Value, string.Create(CultureInfo.InvariantCulture, $"must name an account of the engine (0..{_book.Count - 1})"));
        }

        if (_activeAuction[account.Value] != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{account} is being auctioned; its positions change only through the auction."));
        }
    }

    /// <summary>
    /// After a host update: a market liquidation planned on the old positions is cancelled (the next tick plans again), the
    /// account is re-evaluated next tick, and the holders index learns the asset.
    /// </summary>
    private void Changed(AccountId account, AssetId asset, double amount)
    {
        var a = account.Value;
        if (_activeMarket[a] >= 0)
        {
            if (_scheduler.TryGetActiveJob(account, _markets[_activeMarket[a]].Id, out var job))
            {
                _scheduler.CancelJob(job);
            }

            _activeMarket[a] = -1;
        }

        if (amount > 0)
        {
            Index(a, asset.Value);
        }

        Rekey(a);
        _dirty.Add(a);
    }

    private void Index(int account, int asset)
    {
        var bit = 1UL << asset;
        if ((_indexedAssets[account] & bit) == 0)
        {
            _indexedAssets[account] |= bit;
            var list = _holders[asset];
            list.Add(account);
            if (_holderPositions[asset] is { } positions)
            {
                positions[account] = list.Count - 1;
            }
            else if (list.Count > 1 && list[^2] >= account)
            {
                TrackHolderPositions(asset);
            }
        }
    }

    private void EnsureAccountCapacity(int count)
    {
        if (count <= _indexedAssets.Length)
        {
            return;
        }

        var size = Math.Max(count, 2 * _indexedAssets.Length);
        Array.Resize(ref _indexedAssets, size);
        Array.Resize(ref _activeAuction, size);
        Array.Resize(ref _liveJob, size);
        Array.Resize(ref _touchedEpoch, size);
        var old = _activeMarket.Length;
        Array.Resize(ref _activeMarket, size);
        Array.Fill(_activeMarket, -1, old, size - old);
        EnsureIndexCapacity(size);
    }
}
