using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// Finds the smallest repayment <c>r</c> (units of the debt asset) with <c>h(r) = RA′(r) − target·D′(r) ≥ 0</c>, where
/// <c>RA′</c> and <c>D′</c> are the risk-adjusted collateral and debt after selling <c>r·p_debt·k / p_collateral</c> units
/// of collateral, <c>k = (1 + penalty) / (1 − slippage)</c>. <c>RA</c> is concave in the holding, so <c>h</c> is concave in
/// <c>r</c>: either it reaches zero where the whole range allows, or only inside a hump found by golden section.
/// The post-sale account is evaluated with the same summation as <see cref="MarginCalculator.Evaluate"/>, so the
/// result is exact for that arithmetic.
/// </summary>
internal ref struct MinimalLiquidationSolver : IRealFunction
{
    private readonly Span<CollateralPosition> _collateral;
    private readonly Span<DebtPosition> _debts;
    private readonly ReadOnlySpan<double> _prices;
    private readonly RiskParameterTable _table;
    private readonly MinimalLiquidationRequest _request;
    private readonly int _collateralIndex;
    private readonly int _debtIndex;
    private readonly double _held;
    private readonly double _owed;
    private readonly double _unitsSoldPerUnitRepaid;

    // Which function Evaluate computes: the concave margin h(r) for locating the root, or the health factor gap for the
    // final, exact answer. The solver is passed to the searches by value, so the mode travels with the copy.
    private bool _healthGap;

    public MinimalLiquidationSolver(
        Span<CollateralPosition> collateral,
        Span<DebtPosition> debts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        in MinimalLiquidationRequest request)
    {
        _collateral = collateral;
        _debts = debts;
        _prices = prices;
        _table = table;
        _request = request;
        _collateralIndex = IndexOf(collateral, request.CollateralAsset);
        _debtIndex = IndexOf(debts, request.DebtAsset);
        _held = _collateralIndex >= 0 ? collateral[_collateralIndex].Quantity : 0.0;
        _owed = _debtIndex >= 0 ? debts[_debtIndex].Amount : 0.0;
        var penalty = table[request.CollateralAsset]!.LiquidationPenalty;
        var k = (1.0 + penalty) / (1.0 - request.Slippage);
        _unitsSoldPerUnitRepaid = prices[request.DebtAsset.Value] * k / prices[request.CollateralAsset.Value];
    }

    public MinimalLiquidation Solve()
    {
        var before = AccountTotals.Of(_collateral, _debts, _prices, _table).HealthFactor;
        if (before > 1.0)
        {
            return new MinimalLiquidation(LiquidationOutcome.NotRequired, 0, 0, 0, before);
        }

        if (_held <= 0 || _owed <= 0)
        {
            return CannotRestore(before);
        }

        var repayableBySellingAll = _held / _unitsSoldPerUnitRepaid;
        var upper = Math.Min(_owed, repayableBySellingAll);
        double needed;
        if (Evaluate(upper) >= 0)
        {
            needed = BoundarySearch.FirstNonNegative(this, 0.0, upper);
        }
        else
        {
            var peak = BoundarySearch.ConcaveMaximum(this, 0.0, upper);
            if (!(Evaluate(peak) >= 0) || peak <= 0)
            {
                return CannotRestore(before);
            }

            needed = BoundarySearch.FirstNonNegative(this, 0.0, peak);
        }

        needed = ExactForHealthFactor(needed, upper);
        var repay = needed;
        var outcome = LiquidationOutcome.Restored;
        var cap = _request.CloseFactor * _owed;
        if (repay > cap)
        {
            repay = cap;
            outcome = LiquidationOutcome.CappedByCloseFactor;
        }

        var remainder = _owed - repay;
        if (remainder > 0 && remainder < _request.MinimumDebtRemainder)
        {
            if (_owed > repayableBySellingAll)
            {
                return CannotRestore(before);
            }

            repay = _owed;
            outcome = LiquidationOutcome.FullRepayment;
        }

        var sold = Math.Min(_held, repay * _unitsSoldPerUnitRepaid);
        Apply(repay);
        var after = AccountTotals.Of(_collateral, _debts, _prices, _table).HealthFactor;
        var penaltyValue = repay * _prices[_request.DebtAsset.Value] * _table[_request.CollateralAsset]!.LiquidationPenalty;
        return new MinimalLiquidation(outcome, sold, repay, penaltyValue, after);
    }

    /// <summary>h(r), the margin over the target after repaying <paramref name="x"/> units; or, in health-gap mode, HF(r) − target.</summary>
    public readonly double Evaluate(double x)
    {
        Apply(x);
        var t = AccountTotals.Of(_collateral, _debts, _prices, _table);
        return _healthGap
            ? t.HealthFactor - _request.TargetHealthFactor
            : t.RiskAdjusted - (_request.TargetHealthFactor * t.Debt);
    }

    /// <summary>
    /// h(r) ≥ 0 and HF(r) ≥ target agree except in the last bits (RA − T·D against RA / D). Moves the root found on h to
    /// the smallest repayment whose health factor, computed exactly as <see cref="MarginCalculator.Evaluate"/> does,
    /// meets the target.
    /// </summary>
    private double ExactForHealthFactor(double root, double upper)
    {
        _healthGap = true;
        try
        {
            var hi = root;
            for (var step = 0; step < 64 && Evaluate(hi) < 0 && hi < upper; step++)
            {
                hi = Math.Min(upper, hi + (hi * Math.ScaleB(1.0, step - 52)));
            }

            return BoundarySearch.FirstNonNegative(this, 0.0, hi);
        }
        finally
        {
            _healthGap = false;
        }
    }

    private static MinimalLiquidation CannotRestore(double before) =>
        new(LiquidationOutcome.CannotRestore, 0, 0, 0, before);

    private static int IndexOf(ReadOnlySpan<CollateralPosition> positions, AssetId asset)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            if (positions[i].Asset == asset)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(ReadOnlySpan<DebtPosition> positions, AssetId asset)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            if (positions[i].Asset == asset)
            {
                return i;
            }
        }

        return -1;
    }

    private readonly void Apply(double repaid)
    {
        var sold = Math.Min(_held, repaid * _unitsSoldPerUnitRepaid);
        _collateral[_collateralIndex] = new CollateralPosition(_request.CollateralAsset, _held - sold);
        _debts[_debtIndex] = new DebtPosition(_request.DebtAsset, Math.Max(0.0, _owed - repaid));
    }
}
