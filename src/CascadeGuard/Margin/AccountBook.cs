using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// A columnar store of accounts: each account has a fixed number of collateral slots and debt slots, held as
/// structure-of-arrays over dense <see cref="AccountId"/>s so that a batch evaluation streams memory once.
/// Holds millions of accounts (1,000,000 × 4 collateral + 1 debt slot take about 60 MB).
/// </summary>
/// <remarks>
/// Empty slots hold quantity zero, so the batch loop runs over every slot without branching. An account holds at most
/// one collateral slot and one debt slot per asset; setting a quantity of zero frees the slot.
/// Not thread-safe for writes: one writer, or readers only (<see cref="Evaluate"/> only reads).
/// </remarks>
public sealed class AccountBook
{
    private int[] _collateralAssets;
    private double[] _collateralQuantities;
    private int[] _debtAssets;
    private double[] _debtAmounts;

    /// <summary>Creates an empty book.</summary>
    /// <param name="assetCount">Number of assets; asset ids must be below it.</param>
    /// <param name="collateralSlots">Collateral positions an account may hold (1..64).</param>
    /// <param name="debtSlots">Debts an account may hold (1..64).</param>
    /// <param name="initialCapacity">Accounts to reserve room for; the book grows beyond it.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public AccountBook(int assetCount, int collateralSlots = 4, int debtSlots = 1, int initialCapacity = 1024)
    {
        Guard.Positive(assetCount);
        Guard.InRange(collateralSlots, 1, 64);
        Guard.InRange(debtSlots, 1, 64);
        Guard.NonNegative(initialCapacity);
        AssetCount = assetCount;
        CollateralSlots = collateralSlots;
        DebtSlots = debtSlots;
        var capacity = Math.Max(1, initialCapacity);
        _collateralAssets = new int[capacity * collateralSlots];
        _collateralQuantities = new double[capacity * collateralSlots];
        _debtAssets = new int[capacity * debtSlots];
        _debtAmounts = new double[capacity * debtSlots];
    }

    /// <summary>Number of assets; asset ids are below it.</summary>
    public int AssetCount { get; }

    /// <summary>Collateral slots per account.</summary>
    public int CollateralSlots { get; }

    /// <summary>Debt slots per account.</summary>
    public int DebtSlots { get; }

    /// <summary>Number of accounts; ids are <c>0 .. Count − 1</c>.</summary>
    public int Count { get; private set; }

    internal ReadOnlySpan<int> CollateralAssetColumn => _collateralAssets.AsSpan(0, Count * CollateralSlots);

    internal ReadOnlySpan<double> CollateralQuantityColumn => _collateralQuantities.AsSpan(0, Count * CollateralSlots);

    internal ReadOnlySpan<int> DebtAssetColumn => _debtAssets.AsSpan(0, Count * DebtSlots);

    internal ReadOnlySpan<double> DebtAmountColumn => _debtAmounts.AsSpan(0, Count * DebtSlots);

    /// <summary>Copies of the columns and the account count, for a component that saves the book in its own snapshot.</summary>
    internal (int Count, int[] CollateralAssets, double[] CollateralQuantities, int[] DebtAssets, double[] DebtAmounts) ExportColumns() =>
        (Count, CollateralAssetColumn.ToArray(), CollateralQuantityColumn.ToArray(), DebtAssetColumn.ToArray(), DebtAmountColumn.ToArray());

    /// <summary>Rebuilds a book from <see cref="ExportColumns"/>, checking every entry as the setters would.</summary>
    /// <exception cref="ArgumentException">A column has the wrong length or an entry is out of range.</exception>
    internal static AccountBook ImportColumns(int assetCount, int collateralSlots, int debtSlots, int count, int[] collateralAssets, double[] collateralQuantities, int[] debtAssets, double[] debtAmounts)
    {
        var book = new AccountBook(assetCount, collateralSlots, debtSlots, count);
        if (count < 0 || collateralAssets.Length != count * collateralSlots || collateralQuantities.Length != count * collateralSlots
            || debtAssets.Length != count * debtSlots || debtAmounts.Length != count * debtSlots)
        {
            throw new ArgumentException("The saved account columns do not match the account count and slots.", nameof(count));
        }

        for (var i = 0; i < collateralAssets.Length; i++)
        {
            Guard.InRange(collateralAssets[i], 0, assetCount - 1, "collateralAssets");
            Guard.FiniteNonNegative(collateralQuantities[i], "collateralQuantities");
        }

        for (var i = 0; i < debtAssets.Length; i++)
        {
            Guard.InRange(debtAssets[i], 0, assetCount - 1, "debtAssets");
            Guard.FiniteNonNegative(debtAmounts[i], "debtAmounts");
        }

        collateralAssets.CopyTo(book._collateralAssets, 0);
        collateralQuantities.CopyTo(book._collateralQuantities, 0);
        debtAssets.CopyTo(book._debtAssets, 0);
        debtAmounts.CopyTo(book._debtAmounts, 0);
        book.Count = count;
        return book;
    }

    /// <summary>Adds an account with no positions.</summary>
    /// <returns>The new account's id, equal to the previous <see cref="Count"/>.</returns>
    public AccountId Add()
    {
        if ((Count + 1) * CollateralSlots > _collateralQuantities.Length)
        {
            Grow();
        }

        var id = new AccountId(Count);
        Count++;
        return id;
    }

    /// <summary>Sets the quantity of <paramref name="asset"/> an account holds as collateral; zero frees the slot.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asset">The collateral asset.</param>
    /// <param name="quantity">Units held; finite, zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The account's collateral slots are all taken by other assets.</exception>
    public void SetCollateral(AccountId account, AssetId asset, double quantity)
    {
        CheckAccount(account);
        CheckAsset(asset);
        Guard.FiniteNonNegative(quantity);
        Set(_collateralAssets, _collateralQuantities, account.Value * CollateralSlots, CollateralSlots, asset.Value, quantity, "collateral");
    }

    /// <summary>Sets the amount of <paramref name="asset"/> an account owes; zero frees the slot.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asset">The debt asset.</param>
    /// <param name="amount">Units owed; finite, zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The account's debt slots are all taken by other assets.</exception>
    public void SetDebt(AccountId account, AssetId asset, double amount)
    {
        CheckAccount(account);
        CheckAsset(asset);
        Guard.FiniteNonNegative(amount);
        Set(_debtAssets, _debtAmounts, account.Value * DebtSlots, DebtSlots, asset.Value, amount, "debt");
    }

    /// <summary>Copies an account's collateral positions (occupied slots, in slot order) into <paramref name="destination"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="destination">Receives the positions; at least <see cref="CollateralSlots"/> long.</param>
    /// <returns>The number of positions written.</returns>
    public int CopyCollateral(AccountId account, Span<CollateralPosition> destination)
    {
        CheckAccount(account);
        Guard.DestinationLength(destination, CollateralSlots);
        var start = account.Value * CollateralSlots;
        var n = 0;
        for (var s = 0; s < CollateralSlots; s++)
        {
            var q = _collateralQuantities[start + s];
            if (q > 0)
            {
                destination[n++] = new CollateralPosition(new AssetId(_collateralAssets[start + s]), q);
            }
        }

        return n;
    }

    /// <summary>Copies an account's debts (occupied slots, in slot order) into <paramref name="destination"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="destination">Receives the debts; at least <see cref="DebtSlots"/> long.</param>
    /// <returns>The number of debts written.</returns>
    public int CopyDebts(AccountId account, Span<DebtPosition> destination)
    {
        CheckAccount(account);
        Guard.DestinationLength(destination, DebtSlots);
        var start = account.Value * DebtSlots;
        var n = 0;
        for (var s = 0; s < DebtSlots; s++)
        {
            var d = _debtAmounts[start + s];
            if (d > 0)
            {
                destination[n++] = new DebtPosition(new AssetId(_debtAssets[start + s]), d);
            }
        }

        return n;
    }

    /// <summary>
    /// Evaluates every account's health factor and status at the given prices into caller-owned spans.
    /// Equal, bit for bit, to <see cref="MarginCalculator.Evaluate"/> on each account's positions in slot order.
    /// Allocates nothing.
    /// </summary>
    /// <param name="prices">Price of every asset, indexed by asset id; finite and positive.</param>
    /// <param name="table">The risk parameters; covers every asset of the book.</param>
    /// <param name="healthFactors">Receives each account's health factor; at least <see cref="Count"/> long.</param>
    /// <param name="statuses">Receives each account's status; at least <see cref="Count"/> long.</param>
    /// <param name="atRiskBand">Width of the at-risk band above 1; finite, zero or positive.</param>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public void Evaluate(
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        Span<double> healthFactors,
        Span<AccountStatus> statuses,
        double atRiskBand = MarginCalculator.DefaultAtRiskBand) =>
        EvaluateRange(0, Count, prices, table, healthFactors, statuses, atRiskBand);

    /// <summary>
    /// Evaluates accounts <c>first .. first + count − 1</c> (a shard of the book) into spans indexed from zero.
    /// </summary>
    /// <param name="first">The first account.</param>
    /// <param name="count">How many accounts.</param>
    /// <param name="prices">Price of every asset, indexed by asset id; finite and positive.</param>
    /// <param name="table">The risk parameters; covers every asset of the book.</param>
    /// <param name="healthFactors">Receives the health factors; at least <paramref name="count"/> long.</param>
    /// <param name="statuses">Receives the statuses; at least <paramref name="count"/> long.</param>
    /// <param name="atRiskBand">Width of the at-risk band above 1; finite, zero or positive.</param>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public void EvaluateRange(
        int first,
        int count,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        Span<double> healthFactors,
        Span<AccountStatus> statuses,
        double atRiskBand = MarginCalculator.DefaultAtRiskBand)
    {
        Guard.NotNull(table);
        Guard.NonNegative(first);
        Guard.NonNegative(count);
        if (first + (long)count > Count)
        {
            Guard.Throw(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"must keep first + count within the book's {Count} accounts (first = {first})"));
        }

        Guard.DestinationLength(healthFactors, count);
        Guard.DestinationLength(statuses, count);
        Guard.FiniteNonNegative(atRiskBand);
        CheckTable(table);
        RiskParameterTable.CheckPrices(prices, AssetCount);

        if (count == 0)
        {
            return;
        }

        var limit = 1.0 + atRiskBand;
        if (table.HasSizeSchedules)
        {
            EvaluateWithSchedules(first, count, prices, table, healthFactors, statuses, limit);
        }
        else
        {
            EvaluateLinear(first, count, prices, table.Thresholds, healthFactors, statuses, limit);
        }
    }

    /// <summary>
    /// Evaluates the listed accounts (for example those a price move touched) into spans indexed like
    /// <paramref name="accounts"/>. Each result equals <see cref="MarginCalculator.Evaluate"/> on that account, bit for bit.
    /// </summary>
    /// <param name="accounts">The accounts, in any order; each must exist.</param>
    /// <param name="prices">Price of every asset, indexed by asset id; finite and positive.</param>
    /// <param name="table">The risk parameters; covers every asset of the book.</param>
    /// <param name="healthFactors">Receives the health factors; at least as long as <paramref name="accounts"/>.</param>
    /// <param name="statuses">Receives the statuses; at least as long as <paramref name="accounts"/>.</param>
    /// <param name="atRiskBand">Width of the at-risk band above 1; finite, zero or positive.</param>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public void EvaluateAccounts(
        ReadOnlySpan<AccountId> accounts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        Span<double> healthFactors,
        Span<AccountStatus> statuses,
        double atRiskBand = MarginCalculator.DefaultAtRiskBand)
    {
        Guard.NotNull(table);
        Guard.DestinationLength(healthFactors, accounts.Length);
        Guard.DestinationLength(statuses, accounts.Length);
        Guard.FiniteNonNegative(atRiskBand);
        CheckTable(table);
        RiskParameterTable.CheckPrices(prices, AssetCount);
        foreach (var account in accounts)
        {
            CheckAccount(account);
        }

        var limit = 1.0 + atRiskBand;
        for (var i = 0; i < accounts.Length; i++)
        {
            EvaluateOne(accounts[i].Value, prices, table, limit, out healthFactors[i], out statuses[i]);
        }
    }

    internal void CheckTable(RiskParameterTable table)
    {
        if (table.AssetCount < AssetCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The table has {table.AssetCount} assets; the book has {AssetCount}."),
                nameof(table));
        }
    }

    private void EvaluateLinear(
        int first,
        int count,
        ReadOnlySpan<double> prices,
        ReadOnlySpan<double> thresholds,
        Span<double> healthFactors,
        Span<AccountStatus> statuses,
        double limit)
    {
        // The hot loop. Asset ids were range-checked when stored and the price and threshold spans were checked to cover
        // every asset, so the loop indexes through refs without per-element bounds checks.
        var k = CollateralSlots;
        var m = DebtSlots;
        ref var asset = ref _collateralAssets[first * k];
        ref var quantity = ref _collateralQuantities[first * k];
        ref var debtAsset = ref _debtAssets[first * m];
        ref var debtAmount = ref _debtAmounts[first * m];
        ref var price = ref MemoryMarshal.GetReference(prices);
        ref var threshold = ref MemoryMarshal.GetReference(thresholds);
        ref var hfOut = ref MemoryMarshal.GetReference(healthFactors);
        ref var statusOut = ref MemoryMarshal.GetReference(statuses);
        for (var i = 0; i < count; i++)
        {
            double c = 0, r = 0, d = 0;
            for (var s = 0; s < k; s++)
            {
                var a = Unsafe.Add(ref asset, s);
                var v = Unsafe.Add(ref quantity, s) * Unsafe.Add(ref price, a);
                c += v;
                r += v * Unsafe.Add(ref threshold, a);
            }

            for (var s = 0; s < m; s++)
            {
                d += Unsafe.Add(ref debtAmount, s) * Unsafe.Add(ref price, Unsafe.Add(ref debtAsset, s));
            }

            var hf = d > 0 ? r / d : double.PositiveInfinity;
            Unsafe.Add(ref hfOut, i) = hf;
            Unsafe.Add(ref statusOut, i) = AccountTotals.ClassifyBranchless(c, d, hf, limit);
            asset = ref Unsafe.Add(ref asset, k);
            quantity = ref Unsafe.Add(ref quantity, k);
            debtAsset = ref Unsafe.Add(ref debtAsset, m);
            debtAmount = ref Unsafe.Add(ref debtAmount, m);
        }
    }

    private void EvaluateWithSchedules(
        int first,
        int count,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        Span<double> healthFactors,
        Span<AccountStatus> statuses,
        double limit)
    {
        for (var i = 0; i < count; i++)
        {
            EvaluateOne(first + i, prices, table, limit, out healthFactors[i], out statuses[i]);
        }
    }

    /// <summary>One account through the risk table (size schedules included), in slot order, as the single-account path sums.</summary>
    private void EvaluateOne(int account, ReadOnlySpan<double> prices, RiskParameterTable table, double limit, out double healthFactor, out AccountStatus status)
    {
        double c = 0, r = 0, d = 0;
        var slot = account * CollateralSlots;
        for (var s = 0; s < CollateralSlots; s++)
        {
            var q = _collateralQuantities[slot + s];
            if (q > 0)
            {
                var a = _collateralAssets[slot + s];
                var v = q * prices[a];
                c += v;
                r += table.RiskAdjustedValue(a, v);
            }
        }

        var debtSlot = account * DebtSlots;
        for (var s = 0; s < DebtSlots; s++)
        {
            d += _debtAmounts[debtSlot + s] * prices[_debtAssets[debtSlot + s]];
        }

        healthFactor = d > 0 ? r / d : double.PositiveInfinity;
        status = AccountTotals.ClassifyBranchless(c, d, healthFactor, limit);
    }

    private static void Set(int[] assets, double[] amounts, int start, int slots, int asset, double amount, string kind)
    {
        var free = -1;
        for (var s = 0; s < slots; s++)
        {
            var i = start + s;
            if (amounts[i] > 0 && assets[i] == asset)
            {
                amounts[i] = amount;
                if (amount == 0)
                {
                    assets[i] = 0;
                }

                return;
            }

            if (free < 0 && amounts[i] == 0)
            {
                free = i;
            }
        }

        if (amount == 0)
        {
            return;
        }

        if (free < 0)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"All {slots} {kind} slots of the account are taken; free one (set it to zero) before adding asset {asset}."));
        }

        assets[free] = asset;
        amounts[free] = amount;
    }

    private void Grow()
    {
        var capacity = Math.Max(2 * (_collateralQuantities.Length / CollateralSlots), 16);
        Array.Resize(ref _collateralAssets, capacity * CollateralSlots);
        Array.Resize(ref _collateralQuantities, capacity * CollateralSlots);
        Array.Resize(ref _debtAssets, capacity * DebtSlots);
        Array.Resize(ref _debtAmounts, capacity * DebtSlots);
    }

    private void CheckAccount(AccountId account)
    {
        if (account.Value >= Count)
        {
            Guard.Throw(nameof(account), account.Value, string.Create(CultureInfo.InvariantCulture, $"must name an account of the book (0..{Count - 1})"));
        }
    }

    private void CheckAsset(AssetId asset)
    {
        if (asset.Value >= AssetCount)
        {
            Guard.Throw(nameof(asset), asset.Value, string.Create(CultureInfo.InvariantCulture, $"must name an asset of the book (0..{AssetCount - 1})"));
        }
    }
}
