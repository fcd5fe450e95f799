namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// What a policy sees at one step, in one value so the signature never changes as fields are added. The oracle prices
/// are what the protocol reads (the collateral oracle is the book's mid; the debt oracle is 1 unless the scenario
/// corrupts it); <see cref="Liquidatable"/> holds the open accounts at or below their liquidation price at the oracle
/// ratio, riskiest first.
/// </summary>
internal readonly ref struct StepContext
{
    public StepContext(int step, DateTimeOffset now, TimeSpan stepLength, double collateralOracle, double debtOracle, ReadOnlySpan<int> liquidatable, AccountsView accounts, MarketView market)
    {
        Step = step;
        Now = now;
        StepLength = stepLength;
        CollateralOracle = collateralOracle;
        DebtOracle = debtOracle;
        Liquidatable = liquidatable;
        Accounts = accounts;
        Market = market;
    }

    public int Step { get; }

    public DateTimeOffset Now { get; }

    public TimeSpan StepLength { get; }

    /// <summary>Oracle price of the collateral, in the unit of account.</summary>
    public double CollateralOracle { get; }

    /// <summary>Oracle price of the debt asset, in the unit of account.</summary>
    public double DebtOracle { get; }

    /// <summary>Collateral oracle over debt oracle: the price the accounts' liquidation prices are compared with.</summary>
    public double OracleRatio => CollateralOracle / DebtOracle;

    public ReadOnlySpan<int> Liquidatable { get; }

    public AccountsView Accounts { get; }

    public MarketView Market { get; }
}
