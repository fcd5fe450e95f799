using CascadeGuard.Auctions;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Engine;

/// <summary>A snapshot of the engine's counters, cheap to read from any thread.</summary>
/// <param name="Ticks">Ticks run.</param>
/// <param name="Accounts">Accounts in the book.</param>
/// <param name="MarketLiquidations">Accounts routed to market sales.</param>
/// <param name="AuctionLiquidations">Accounts routed to auctions.</param>
/// <param name="CollateralSoldNotional">Settlement value of collateral sold in the market (fills).</param>
/// <param name="DebtRepaid">Settlement debt repaid from market sales and auctions.</param>
/// <param name="PenaltiesCollected">Liquidation penalties collected.</param>
/// <param name="BadDebt">Debt no step of the waterfall absorbed.</param>
/// <param name="Scheduler">The scheduler's counters.</param>
/// <param name="Auctions">The auction house's counters.</param>
/// <param name="InsuranceFundBalance">The insurance fund's balance.</param>
public readonly record struct EngineStatistics(
    long Ticks,
    int Accounts,
    long MarketLiquidations,
    long AuctionLiquidations,
    double CollateralSoldNotional,
    double DebtRepaid,
    decimal PenaltiesCollected,
    decimal BadDebt,
    SchedulerStatistics Scheduler,
    AuctionHouseStatistics Auctions,
    decimal InsuranceFundBalance);
