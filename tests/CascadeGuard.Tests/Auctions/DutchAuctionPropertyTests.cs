using CascadeGuard.Auctions;
using CascadeGuard.Primitives;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Auctions;

/// <summary>
/// Random sequences of starts, takes, resets, clock moves and stop levels against three curve shapes. After every step:
/// collateral and money conserved exactly (house totals and an independent tally of every result), limits respected, every
/// running auction priced between floor and start and never higher than before its last reset, the partial-take remainder
/// rule, and a snapshot taken anywhere restores to a house that answers the rest identically.
/// </summary>
public class DutchAuctionPropertyTests
{
    private static readonly Gen<Op> OpGen = Gen.Select(Gen.Int[0, 10], Gen.Int[0, 2], Gen.Int[1, 100_000], Gen.Int[1, 100_000], Gen.Int[0, 10_000])
        .Select((kind, asset, a, b, c) => new Op(kind, asset, a, b, c));

    private static readonly Gen<(int Curve, Op[] Ops)> Scenario = Gen.Select(Gen.Int[0, 2], OpGen.Array[1, 80]);

    [Fact]
    public void Random_sequences_keep_every_invariant()
    {
        Scenario.Sample(scenario =>
        {
            var run = new Run(scenario.Curve);
            foreach (var op in scenario.Ops)
            {
                run.Apply(op);
                run.Check();
            }
        }, iter: 1500);
    }

    [Fact]
    public void Snapshot_anywhere_restores_a_house_that_answers_the_rest_identically()
    {
        Gen.Select(Scenario, Gen.Int[0, 80]).Sample((scenario, split) =>
        {
            var original = new Run(scenario.Curve);
            int cut = Math.Min(split, scenario.Ops.Length);
            for (int i = 0; i < cut; i++)
            {
                original.Apply(scenario.Ops[i]);
            }

            string json = original.House.SaveSnapshot();
            var restored = new Run(original, json);
            restored.House.SaveSnapshot().Should().Be(json);
            for (int i = cut; i < scenario.Ops.Length; i++)
            {
                object? a = original.Apply(scenario.Ops[i]);
                object? b = restored.Apply(scenario.Ops[i]);
                b.Should().Be(a);
            }

            restored.House.SaveSnapshot().Should().Be(original.House.SaveSnapshot());
            restored.House.GetStatistics().Should().Be(original.House.GetStatistics());
        }, iter: 400);
    }

    internal readonly record struct Op(int Kind, int Asset, int A, int B, int C);

    private sealed class Run
    {
        private readonly Dictionary<long, (int Resets, decimal Price)> _lastPrice = [];
        private readonly decimal[] _started = new decimal[3], _sold = new decimal[3], _returned = new decimal[3];
        private readonly decimal[] _raised = new decimal[3], _shortfall = new decimal[3], _incentives = new decimal[3];
        private readonly Dictionary<long, int> _assetOf = [];
        private long _issued;

        public Run(int curve)
        {
            var options = new DutchAuctionOptions
            {
                Curve = curve switch
                {
                    0 => AuctionPriceCurve.Linear(TimeSpan.FromSeconds(1500)),
                    1 => AuctionPriceCurve.StairStepExponential(0.97, TimeSpan.FromSeconds(60)),
                    _ => AuctionPriceCurve.Exponential(0.5, TimeSpan.FromSeconds(400)),
                },
                StartBuffer = 1.3m,
                FloorFraction = 0.2m,
                MaxDuration = TimeSpan.FromSeconds(1200),
                ResetPriceFraction = 0.4m,
                MinimumDebt = 50m,
                IncentiveFlat = 1m,
                IncentiveRate = 0.005m,
                MaxDebtInAuction = 20_000m,
                QuantityDecimals = 4,
                PriceDecimals = 6,
                MoneyDecimals = 2,
            };
            options.AssetDebtLimits[new AssetId(0)] = 8_000m;
            Options = options;
            House = new DutchAuctionHouse(options, Time, Sink);
        }

        public Run(Run original, string json)
        {
            Options = original.Options;
            Time.SetUtcNow(original.Time.GetUtcNow());
            House = DutchAuctionHouse.Restore(json, Time, Sink);
            _issued = original._issued;
            _assetOf = new Dictionary<long, int>(original._assetOf);
        }

        public FakeTimeProvider Time { get; } = new(AuctionHouseFixture.Epoch);

        public ShortfallTally Sink { get; } = new();

        public DutchAuctionOptions Options { get; }

        public DutchAuctionHouse House { get; }

        public object? Apply(Op op)
        {
            switch (op.Kind)
            {
                case <= 2:
                {
                    // A quarter of the debts are small (20–89), around the minimum of 50, to reach the remainder rules.
                    decimal debt = op.B % 4 == 0 ? 20m + (op.B % 70) : 20m + (op.B / 10m);
                    var r = House.Start(new AccountId(op.A % 5), new AssetId(op.Asset), op.A / 1000m, debt, 50m + (op.C / 100m));
                    if (r.Started)
                    {
                        _issued = r.Auction.Value;
                        _assetOf[r.Auction.Value] = op.Asset;
                        _started[op.Asset] += r.StartedLot;
                        _incentives[op.Asset] += r.Incentive;
                        (r.StartedLot + r.UnstartedLot).Should().Be(op.A / 1000m);
                        (r.StartedDebt + r.UnstartedDebt).Should().Be(debt);
                    }

                    return r;
                }

                case <= 5:
                {
                    if (_issued == 0)
                    {
                        return null;
                    }

                    var id = new AuctionId(1 + (op.A % _issued));
                    bool running = House.TryGetAuction(id, out var before);
                    decimal quantity = op.Kind == 4 ? 0.0001m + (op.B % 10_000 / 10_000m) : op.B / 1000m; // kind 4: nibbles below one unit
                    var r = House.Take(id, quantity, op.C / 10m);
                    if (r.Taken)
                    {
                        running.Should().BeTrue();
                        int asset = _assetOf[id.Value];
                        _sold[asset] += r.Quantity;
                        _returned[asset] += r.ReturnedCollateral;
                        _raised[asset] += r.Paid;
                        _shortfall[asset] += r.Shortfall;
                        r.Quantity.Should().BeLessThanOrEqualTo(before.Lot);
                        r.Paid.Should().BeLessThanOrEqualTo(before.Debt);
                        r.Paid.Should().BeGreaterThanOrEqualTo(r.Quantity * r.Price, "the platform is never undercharged");
                        (r.Quantity + r.RemainingLot + r.ReturnedCollateral).Should().Be(before.Lot);
                        (r.Paid + r.RemainingDebt + r.Shortfall).Should().Be(before.Debt);
                        if (r.Outcome == AuctionOutcome.Continuing)
                        {
                            r.RemainingDebt.Should().BeGreaterThanOrEqualTo(Options.MinimumDebt, "a partial take leaves nothing or at least the minimum");
                            r.RemainingLot.Should().BeGreaterThan(0m);
                        }
                    }

                    return r;
                }

                case 6:
                {
                    if (_issued == 0)
                    {
                        return null;
                    }

                    var id = new AuctionId(1 + (op.A % _issued));
                    var r = House.Reset(id, 50m + (op.C / 100m));
                    if (r.Reset)
                    {
                        _incentives[_assetOf[id.Value]] += r.Incentive;
                    }

                    return r;
                }

                case <= 9:
                    Time.Advance(TimeSpan.FromSeconds(op.A % 400) + TimeSpan.FromTicks(op.C));
                    return Time.GetUtcNow();

                default:
                    var level = op.C % 10 < 7 ? AuctionStopLevel.None : (AuctionStopLevel)(op.C % 4);
                    House.SetStopLevel(level);
                    return level;
            }
        }

        public void Check()
        {
            decimal debtIn = 0m;
            for (int a = 0; a < 3; a++)
            {
                var t = House.GetAssetTotals(new AssetId(a));
                t.CollateralStarted.Should().Be(t.CollateralSold + t.CollateralReturned + t.CollateralInAuction);
                t.DebtStarted.Should().Be(t.DebtRaised + t.Shortfall + t.DebtInAuction);
                (t.CollateralStarted, t.CollateralSold, t.CollateralReturned).Should().Be((_started[a], _sold[a], _returned[a]));
                (t.DebtRaised, t.Shortfall, t.IncentivesPaid).Should().Be((_raised[a], _shortfall[a], _incentives[a]));
                debtIn += t.DebtInAuction;
            }

            House.GetAssetTotals(new AssetId(0)).DebtInAuction.Should().BeLessThanOrEqualTo(8_000m);
            House.DebtInAuction.Should().Be(debtIn).And.BeLessThanOrEqualTo(20_000m);
            House.GetStatistics().Shortfall.Should().Be(Sink.Total);

            var views = new AuctionView[House.ActiveCount];
            House.CopyActiveAuctions(views);
            foreach (var v in views)
            {
                v.Lot.Should().BeGreaterThan(0m);
                v.Debt.Should().BeGreaterThan(0m);
                v.Price.Should().BeGreaterThanOrEqualTo(v.FloorPrice).And.BeLessThanOrEqualTo(v.StartPrice);
                if (_lastPrice.TryGetValue(v.Id.Value, out var last) && last.Resets == v.Resets)
                {
                    v.Price.Should().BeLessThanOrEqualTo(last.Price, "the price never rises between resets");
                }

                _lastPrice[v.Id.Value] = (v.Resets, v.Price);
            }
        }
    }
}
