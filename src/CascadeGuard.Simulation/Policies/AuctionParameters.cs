using CascadeGuard.Auctions;
using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// The <c>auction</c> policy's rules: MakerDAO Liquidations 2.0 as governance set it for the ETH vaults in 2021 (the
/// <c>Clipper</c>'s curve, start buffer, tail, cusp, tip and chip; the <c>Dog</c>'s <c>Hole</c> and <c>ilk.hole</c>), and
/// the keepers who take the auctions (docs/simulator.md, "The auction policy", gives each value's source or reason).
/// </summary>
internal sealed record AuctionParameters
{
    /// <summary>Start price over the oracle price (<c>buf</c>). Default 1.2: ETH-A from September 2021 (1.3 before).</summary>
    public decimal StartBuffer { get; init; } = 1.2m;

    /// <summary>Price factor per step of the stair-step curve (<c>cut</c>). Default 0.99: ETH-A.</summary>
    public double Cut { get; init; } = 0.99;

    /// <summary>Length of a step of the curve (<c>step</c>). Default 90 s: ETH-A.</summary>
    public TimeSpan CutStep { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Age after which an auction must be reset (<c>tail</c>). Default 140 minutes: the ETH vaults (8,400 s).</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(140);

    /// <summary>An auction must be reset when its price falls below this share of its start price (<c>cusp</c>). Default 0.4: ETH-A.</summary>
    public decimal ResetDrawdown { get; init; } = 0.4m;

    /// <summary>Flat keeper reward per start and reset, in the debt asset (<c>tip</c>). Default 300: MakerDAO's risk unit for WBTC-C, November 2021.</summary>
    public decimal IncentiveFlat { get; init; } = 300m;

    /// <summary>Proportional keeper reward per start and reset, × the auction's debt (<c>chip</c>). Default 0.001: MakerDAO's 2021 vaults (LINK-A, YFI-A, ETH, WBTC).</summary>
    public decimal IncentiveRate { get; init; } = 0.001m;

    /// <summary>
    /// The per-asset limit on debt in auction (<c>ilk.hole</c>) is the notional of the bids resting within this distance
    /// of the initial price. Default 0.04: MakerDAO's risk team set ETH's limit to what on-chain liquidity absorbs at about
    /// 4 % slippage ($35 M, 2021).
    /// </summary>
    public double AssetLimitDepthDistance { get; init; } = 0.04;

    /// <summary>The global limit (<c>Hole</c>) over the per-asset one. Default 2.5: 100 M DAI over ETH-A's 40 M (2021).</summary>
    public decimal GlobalLimitRatio { get; init; } = 2.5m;

    /// <summary>
    /// Keepers' cost of a take and resale as a share of the resale price, c: they take only at a discount to the book
    /// larger than this. Default 0.005: the 0.3 % Uniswap swap fee keepers' flash-swap callees pay, plus about 0.2 % for
    /// gas and margin (an assumption).
    /// </summary>
    public double KeeperCost { get; init; } = 0.005;

    /// <summary>
    /// κ: the share of the profitable depth keepers take per step (capital, inventory risk, competing sellers). Default
    /// 0.5: an assumption; 1 would arbitrage the book down to the keepers' break-even price every step.
    /// </summary>
    public double KeeperParticipation { get; init; } = 0.5;

    /// <summary>What the surplus buffer (the insurance fund) holds at the start. Default 0: it has only what this run's penalties bring in.</summary>
    public decimal InitialSurplus { get; init; }

    /// <summary>Checks every field; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    public AuctionParameters Validate()
    {
        _ = AuctionPriceCurve.StairStepExponential(Cut, CutStep);
        Guard.Positive(MaxDuration, nameof(MaxDuration));
        if (ResetDrawdown is < 0m or > 1m)
        {
            Guard.Throw(nameof(ResetDrawdown), ResetDrawdown, "must be in [0, 1]");
        }

        Guard.NonNegative(IncentiveFlat, nameof(IncentiveFlat));
        Guard.InHalfOpenRange(AssetLimitDepthDistance, 0, 1, nameof(AssetLimitDepthDistance));
        Guard.Positive(GlobalLimitRatio, nameof(GlobalLimitRatio));
        Guard.InRange(KeeperCost, 0, 1, nameof(KeeperCost));
        if (KeeperCost >= 1)
        {
            Guard.Throw(nameof(KeeperCost), KeeperCost, "must be in [0, 1)");
        }

        Guard.InHalfOpenRange(KeeperParticipation, 0, 1, nameof(KeeperParticipation));

        Guard.NonNegative(InitialSurplus, nameof(InitialSurplus));
        _ = HouseOptions(1m, 1m); // the house's own validation of the rest (decimal places of the incentives, the cusp range)
        return this;
    }

    /// <summary>
    /// The auction house's options for one world: this policy's curve and incentives, the limits in money, and the
    /// simulator's grids (collateral to 10⁻⁹ units, money to 10⁻⁶, prices to 10⁻⁸). No dust: the population has accounts
    /// far below MakerDAO's minimum vault debt, and the keepers' cost plays dust's part against unprofitable takes.
    /// </summary>
    public DutchAuctionOptions HouseOptions(decimal assetLimit, decimal globalLimit)
    {
        var options = new DutchAuctionOptions
        {
            Curve = AuctionPriceCurve.StairStepExponential(Cut, CutStep),
            StartBuffer = StartBuffer,
            ResetPriceFraction = ResetDrawdown * StartBuffer, // cusp is relative to the start price, ours to the oracle
            MaxDuration = MaxDuration,
            IncentiveFlat = IncentiveFlat,
            IncentiveRate = IncentiveRate,
            MaxDebtInAuction = globalLimit,
            QuantityDecimals = Population.AccountPopulation.CollateralDecimals,
            PriceDecimals = 8,
            MoneyDecimals = Population.AccountPopulation.DebtDecimals,
        };
        options.AssetDebtLimits[AuctionPolicy.Asset] = assetLimit;
        options.Validate();
        return options;
    }
}
