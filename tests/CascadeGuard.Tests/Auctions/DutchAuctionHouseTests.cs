using CascadeGuard.Auctions;
using CascadeGuard.Primitives;
using static CascadeGuard.Tests.Auctions.AuctionHouseFixture;

namespace CascadeGuard.Tests.Auctions;

public class DutchAuctionHouseTests
{
    [Fact]
    public void Start_prices_from_oracle_times_buffer_and_pays_the_keeper()
    {
        var f = new AuctionHouseFixture();
        var r = f.House.Start(Alice, Eth, 10m, 1500m, 200m);
        r.Started.Should().BeTrue();
        r.Auction.Should().Be(new AuctionId(1));
        r.StartPrice.Should().Be(240m);
        r.StartedLot.Should().Be(10m);
        r.StartedDebt.Should().Be(1500m);
        r.UnstartedLot.Should().Be(0m);
        r.UnstartedDebt.Should().Be(0m);
        r.Incentive.Should().Be(20m); // 5 + 1 % × 1 500

        f.House.TryGetAuction(r.Auction, out var view).Should().BeTrue();
        view.Should().Be(new AuctionView(r.Auction, Alice, Eth, 10m, 1500m, 240m, 20m, 200m, Epoch, 0, 240m, false));
        f.House.GetStatistics().Should().Be(new AuctionHouseStatistics(1, 1, 0, 0, 1500m, 0m, 0m, 1500m, 20m));
        f.ShouldConserve();
    }

    [Fact]
    public void Takes_settle_proceeds_against_debt_and_return_left_over_collateral()
    {
        var f = new AuctionHouseFixture();
        var id = f.StartEth(10m, 1500m);

        // t = 0, price 240: 2 units for 480.
        var first = f.House.Take(id, 2m, 240m);
        first.Should().Be(new AuctionTakeResult(AuctionRefusal.None, id, 240m, 2m, 480m, false, 8m, 1020m, AuctionOutcome.Continuing, 0m, 0m));

        // t = 250 s, price 240 × 0.75 = 180: asking for 10 (more than the lot) buys only what covers 1 020: 5.66666666.
        f.Advance(250);
        var second = f.House.Take(id, 10m, 1000m);
        second.Price.Should().Be(180m);
        second.Quantity.Should().Be(5.66666666m);
        second.Paid.Should().Be(1020m);
        second.Outcome.Should().Be(AuctionOutcome.DebtCovered);
        second.ReturnedCollateral.Should().Be(2.33333334m);
        second.RemainingLot.Should().Be(0m);
        second.RemainingDebt.Should().Be(0m);

        f.House.ActiveCount.Should().Be(0);
        f.House.GetAssetTotals(Eth).Should().Be(new AuctionAssetTotals(10m, 7.66666666m, 2.33333334m, 0m, 1500m, 1500m, 0m, 0m, 20m));
        f.ShouldConserve();
        f.House.Take(id, 1m, 1000m).Refusal.Should().Be(AuctionRefusal.AuctionFinished);
    }

    [Fact]
    public void Buying_the_whole_lot_short_of_the_debt_hands_the_rest_to_the_sink()
    {
        var f = new AuctionHouseFixture();
        var id = f.StartEth(1m, 1000m);
        f.Advance(100); // price 216
        var r = f.House.Take(id, 5m, 216m);
        r.Quantity.Should().Be(1m);
        r.Paid.Should().Be(216m);
        r.Outcome.Should().Be(AuctionOutcome.LotExhausted);
        r.Shortfall.Should().Be(784m);
        f.Sink.Count.Should().Be(1);
        f.Sink.Last.Should().Be(new AuctionShortfall(id, Alice, Eth, 784m, Epoch.AddSeconds(100)));
        f.House.DebtInAuction.Should().Be(0m);
        f.ShouldConserve();
    }

    [Fact]
    public void A_take_may_leave_exactly_the_minimum_debt_and_is_clamped_one_cent_beyond()
    {
        // 1 300 − 5 × 240 = 100: exactly the minimum, allowed as asked.
        var f = new AuctionHouseFixture();
        var exact = f.StartEth(10m, 1300m);
        var r = f.House.Take(exact, 5m, 240m);
        r.Clamped.Should().BeFalse();
        r.RemainingDebt.Should().Be(100m);

        // 1 299.99 − 1 200 = 99.99 < 100: clamped to pay 1 199.99 (⌊1 199.99/240⌋ = 4.99995833 units, 1 199.9899992 → 1 199.99).
        var g = new AuctionHouseFixture();
        var over = g.StartEth(10m, 1299.99m);
        var c = g.House.Take(over, 5m, 240m);
        c.Clamped.Should().BeTrue();
        c.Quantity.Should().Be(4.99995833m);
        c.Paid.Should().Be(1199.99m);
        c.RemainingDebt.Should().Be(100m);
        c.RemainingLot.Should().Be(5.00004167m);
        c.Outcome.Should().Be(AuctionOutcome.Continuing);
        g.ShouldConserve();
    }

    [Fact]
    public void Partial_takes_are_refused_at_the_minimum_debt_and_allowed_one_cent_above()
    {
        var f = new AuctionHouseFixture();
        var atMinimum = f.StartEth(10m, 100m);
        var before = f.House.SaveSnapshot();
        f.House.Take(atMinimum, 0.1m, 240m).Refusal.Should().Be(AuctionRefusal.PartialTakeNotAllowed);
        f.House.SaveSnapshot().Should().Be(before);

        // Settling it all is still allowed: 100/240 = 0.41666666 units for exactly 100.
        var all = f.House.Take(atMinimum, 1m, 240m);
        all.Outcome.Should().Be(AuctionOutcome.DebtCovered);
        all.Paid.Should().Be(100m);
        all.Quantity.Should().Be(0.41666666m);

        var g = new AuctionHouseFixture();
        var above = g.StartEth(10m, 100.01m);
        var r = g.House.Take(above, 0.1m, 240m);
        r.Clamped.Should().BeTrue();
        r.Quantity.Should().Be(0.00004166m); // ⌊0.01/240⌋ at 8 places; 0.0099984 → pays 0.01
        r.Paid.Should().Be(0.01m);
        r.RemainingDebt.Should().Be(100m);
    }

    [Fact]
    public void A_clamp_that_would_buy_nothing_is_refused()
    {
        var options = HandOptions();
        options.QuantityDecimals = 0; // whole units only
        var f = new AuctionHouseFixture(options);

        // 1 unit for 240 leaves 60.01 < 100; clamped to pay 200.01, ⌊200.01/240⌋ = 0 units.
        var clamped = f.StartEth(10m, 300.01m);
        var before = f.House.SaveSnapshot();
        f.House.Take(clamped, 1m, 240m).Refusal.Should().Be(AuctionRefusal.TakeTooSmall);
        f.House.SaveSnapshot().Should().Be(before);

        // 1 unit for 240 would settle 100.01, but ⌊100.01/240⌋ = 0 units: no money for nothing.
        var settling = f.StartEth(10m, 100.01m);
        before = f.House.SaveSnapshot();
        f.House.Take(settling, 1m, 240m).Refusal.Should().Be(AuctionRefusal.TakeTooSmall);
        f.House.SaveSnapshot().Should().Be(before);

        // Once one unit is worth no more than the debt it settles: at 583.3 s the price is 240 × 0.4167 = 100.008.
        f.Time.Advance(TimeSpan.FromSeconds(583.3));
        var settled = f.House.Take(settling, 1m, 1000m);
        settled.Outcome.Should().Be(AuctionOutcome.DebtCovered);
        settled.Quantity.Should().Be(1m);
        settled.Paid.Should().Be(100.01m);
    }

    [Fact]
    public void Age_boundary_is_strict_take_at_max_duration_and_reset_one_tick_later()
    {
        var options = HandOptions();
        options.ResetPriceFraction = 0m; // only the age rule
        var f = new AuctionHouseFixture(options);
        var id = f.StartEth(10m, 1500m);
        f.Advance(600); // exactly MaxDuration: price 96
        f.House.TryGetAuction(id, out var view).Should().BeTrue();
        view.NeedsReset.Should().BeFalse();
        f.House.Reset(id, 200m).Refusal.Should().Be(AuctionRefusal.NotResettable);
        f.House.Take(id, 1m, 96m).Taken.Should().BeTrue();

        f.Time.Advance(TimeSpan.FromTicks(1));
        f.House.Take(id, 1m, 1000m).Refusal.Should().Be(AuctionRefusal.NeedsReset);
        var reset = f.House.Reset(id, 250m);
        reset.Reset.Should().BeTrue();
        reset.StartPrice.Should().Be(300m);
        reset.FloorPrice.Should().Be(25m);
        f.House.TryGetAuction(id, out view).Should().BeTrue();
        view.Price.Should().Be(300m);
        view.Resets.Should().Be(1);
        view.StartedAt.Should().Be(Epoch.AddSeconds(600).AddTicks(1));
        f.House.Take(id, 1m, 300m).Taken.Should().BeTrue();
    }

    [Fact]
    public void Price_boundary_is_strict_take_at_the_fraction_and_reset_one_tick_below()
    {
        // Linear over 1 200 s from 240: the price is exactly 100 = 0.5 × 200 at 700 s.
        var options = HandOptions();
        options.Curve = AuctionPriceCurve.Linear(TimeSpan.FromSeconds(1200));
        options.MaxDuration = TimeSpan.FromHours(2);
        var f = new AuctionHouseFixture(options);
        var id = f.StartEth(10m, 1500m);
        f.Advance(700);
        f.House.TryGetAuction(id, out var view).Should().BeTrue();
        view.Price.Should().Be(100m);
        view.NeedsReset.Should().BeFalse();
        f.House.Reset(id, 200m).Refusal.Should().Be(AuctionRefusal.NotResettable);

        f.Time.Advance(TimeSpan.FromTicks(1));
        f.House.TryGetAuction(id, out view).Should().BeTrue();
        view.Price.Should().Be(99.99999998m);
        view.NeedsReset.Should().BeTrue();
        f.House.Take(id, 1m, 1000m).Refusal.Should().Be(AuctionRefusal.NeedsReset);
        f.House.Reset(id, 200m).Reset.Should().BeTrue();
    }

    [Fact]
    public void Buyer_maximum_price_is_inclusive()
    {
        var f = new AuctionHouseFixture();
        var id = f.StartEth(10m, 1500m);
        f.House.Take(id, 1m, 239.99999999m).Should().Be(
            new AuctionTakeResult(AuctionRefusal.PriceAboveLimit, id, 240m, 0m, 0m, false, 10m, 1500m, AuctionOutcome.Continuing, 0m, 0m));
        f.House.Take(id, 1m, 240m).Taken.Should().BeTrue();
    }

    [Fact]
    public void Reset_incentive_is_paid_at_the_minimum_and_withheld_below_it()
    {
        // Debt 100 and lot value 0.5 × 200 = 100: both exactly the minimum → 5 + 1 % × 100 = 6.
        ResetIncentive(0.5m, 100m).Should().Be((6m, false));
        ResetIncentive(0.5m, 99.99m).Should().Be((0m, true));
        ResetIncentive(0.49999999m, 100m).Should().Be((0m, true));

        static (decimal, bool) ResetIncentive(decimal lot, decimal debt)
        {
            var f = new AuctionHouseFixture();
            var id = f.StartEth(lot, debt);
            f.Advance(601);
            var r = f.House.Reset(id, 200m);
            r.Reset.Should().BeTrue();
            f.House.GetStatistics().IncentivesPaid.Should().Be(5m + decimal.Round(0.01m * debt, 2, MidpointRounding.ToNegativeInfinity) + r.Incentive);
            return (r.Incentive, r.IncentiveWithheld);
        }
    }

    [Fact]
    public void Global_limit_fills_exactly_then_starts_partly_then_waits()
    {
        var options = HandOptions();
        options.MaxDebtInAuction = 1000m;
        var f = new AuctionHouseFixture(options);
        f.House.Start(Alice, Eth, 6m, 600m, 200m).StartedDebt.Should().Be(600m);

        // 400 of room for 600: starts 400 with 4 of 6 units; 2 units and 200 wait.
        var partial = f.House.Start(Alice, Btc, 6m, 600m, 200m);
        partial.Should().Be(new AuctionStartResult(AuctionRefusal.None, new AuctionId(2), 4m, 400m, 2m, 200m, 240m, 9m));
        f.House.DebtInAuction.Should().Be(1000m);

        var full = f.House.Start(Alice, Eth, 2m, 200m, 200m);
        full.Refusal.Should().Be(AuctionRefusal.LimitFull);
        full.UnstartedLot.Should().Be(2m);
        full.UnstartedDebt.Should().Be(200m);

        // When an auction finishes its room comes back, and an exact fit starts in full.
        f.House.Take(new AuctionId(1), 10m, 240m).Outcome.Should().Be(AuctionOutcome.DebtCovered);
        f.House.Start(Alice, Eth, 6m, 600m, 200m).StartedDebt.Should().Be(600m);
        f.ShouldConserve();
    }

    [Fact]
    public void Partial_start_is_refused_when_either_part_would_be_dust()
    {
        var options = HandOptions();
        options.MaxDebtInAuction = 1000m;
        var f = new AuctionHouseFixture(options);
        f.StartEth(6m, 600m);                                   // room 400
        var before = f.House.SaveSnapshot();
        f.House.Start(Alice, Btc, 5m, 400.01m, 200m).Refusal.Should().Be(AuctionRefusal.PartialStartDust); // would leave 0.01
        f.House.Start(Alice, Btc, 5m, 499.99m, 200m).Refusal.Should().Be(AuctionRefusal.PartialStartDust); // would leave 99.99
        f.House.SaveSnapshot().Should().Be(before);

        // Leaving exactly the minimum is allowed: 400 of 500 starts with 4 of 5 units.
        var exact = f.House.Start(Alice, Btc, 5m, 500m, 200m);
        exact.StartedDebt.Should().Be(400m);
        exact.StartedLot.Should().Be(4m);
        exact.UnstartedDebt.Should().Be(100m);
        exact.UnstartedLot.Should().Be(1m);

        // Room for only 99.99 (started part below the minimum) is refused; room for exactly 100 starts.
        var g = new AuctionHouseFixture(options);
        g.StartEth(9.0001m, 900.01m);                           // room 99.99
        g.House.Start(Alice, Btc, 5m, 500m, 200m).Refusal.Should().Be(AuctionRefusal.PartialStartDust);
        var h = new AuctionHouseFixture(options);
        h.StartEth(9m, 900m);                                   // room 100
        h.House.Start(Alice, Btc, 5m, 500m, 200m).StartedDebt.Should().Be(100m);
    }

    [Fact]
    public void Per_asset_limit_binds_only_its_asset()
    {
        var options = HandOptions();
        options.AssetDebtLimits[Eth] = 500m;
        var f = new AuctionHouseFixture(options);
        f.House.Start(Alice, Eth, 5m, 500m, 200m).StartedDebt.Should().Be(500m);
        f.House.Start(Alice, Eth, 5m, 500m, 200m).Refusal.Should().Be(AuctionRefusal.LimitFull);
        f.House.Start(Alice, Btc, 5m, 5000m, 200m).StartedDebt.Should().Be(5000m);
        f.House.GetAssetTotals(Eth).DebtInAuction.Should().Be(500m);
    }

    [Fact]
    public void Stop_levels_refuse_exactly_what_they_name()
    {
        var f = new AuctionHouseFixture();
        var stale = f.StartEth(10m, 1500m);
        f.Advance(601);
        var fresh = f.StartEth(10m, 1500m);

        f.House.SetStopLevel(AuctionStopLevel.NoNewStarts);
        f.House.Start(Alice, Eth, 1m, 100m, 200m).Refusal.Should().Be(AuctionRefusal.Stopped);
        f.House.Take(fresh, 1m, 240m).Taken.Should().BeTrue();

        f.House.SetStopLevel(AuctionStopLevel.NoResets);
        f.House.Reset(stale, 200m).Refusal.Should().Be(AuctionRefusal.Stopped);
        f.House.Take(fresh, 1m, 240m).Taken.Should().BeTrue();

        f.House.SetStopLevel(AuctionStopLevel.NoTakes);
        var before = f.House.SaveSnapshot();
        f.House.Take(fresh, 1m, 240m).Refusal.Should().Be(AuctionRefusal.Stopped);
        f.House.Reset(stale, 200m).Refusal.Should().Be(AuctionRefusal.Stopped);
        f.House.Start(Alice, Eth, 1m, 100m, 200m).Refusal.Should().Be(AuctionRefusal.Stopped);
        f.House.SaveSnapshot().Should().Be(before);

        f.House.SetStopLevel(AuctionStopLevel.NoNewStarts);
        f.House.Reset(stale, 200m).Reset.Should().BeTrue();
        f.House.SetStopLevel(AuctionStopLevel.None);
        f.House.Start(Alice, Eth, 1m, 100m, 200m).Started.Should().BeTrue();
        f.House.StopLevel.Should().Be(AuctionStopLevel.None);
    }

    [Fact]
    public void A_clock_stepping_back_never_raises_the_price()
    {
        var f = new AuctionHouseFixture();
        f.Advance(100);
        var id = f.StartEth(10m, 1500m);
        f.Advance(100);
        f.House.TryGetAuction(id, out var view).Should().BeTrue();
        view.Price.Should().Be(216m);

        var backwards = new AuctionHouseFixture();
        var restored = DutchAuctionHouse.Restore(f.House.SaveSnapshot(), backwards.Time, backwards.Sink); // clock at Epoch, 100 s before the start
        restored.TryGetAuction(id, out view).Should().BeTrue();
        view.Price.Should().Be(240m);
    }

    [Fact]
    public void Active_auctions_are_listed_in_id_order()
    {
        var f = new AuctionHouseFixture();
        f.StartEth(1m, 200m);
        f.StartEth(2m, 300m);
        f.StartEth(3m, 400m);
        f.House.Take(new AuctionId(2), 5m, 240m);
        var views = new AuctionView[2];
        f.House.CopyActiveAuctions(views).Should().Be(2);
        views[0].Id.Should().Be(new AuctionId(1));
        views[1].Id.Should().Be(new AuctionId(3));
        var tooShort = () => f.House.CopyActiveAuctions(new AuctionView[1]);
        tooShort.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("destination");
        f.House.TryGetAuction(new AuctionId(2), out _).Should().BeFalse();
        f.House.GetAssetTotals(new AssetId(9)).Should().Be(default(AuctionAssetTotals));
    }
}
