using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Population;
using CsCheck;

namespace CascadeGuard.Tests.Simulation;

public class TriggerIndexTests
{
    [Fact]
    public void Index_lists_exactly_what_a_full_scan_lists_through_falls_recoveries_and_position_changes()
    {
        // Accounts with random positions; a random walk of prices; between steps random accounts (listed or not) change.
        var gen = Gen.Select(Gen.Int[2, 60], Gen.Double[0.7, 1.3].Array[30], Gen.Int[0, 1_000].Array[30], Gen.Int[0, int.MaxValue]);
        gen.Sample((n, moves, touches, seed) =>
        {
            var random = new Random(seed);
            var collateral = Enumerable.Range(0, n).Select(_ => (decimal)Math.Round(1 + (random.NextDouble() * 9), 3)).ToArray();
            var debt = Enumerable.Range(0, n).Select(_ => (decimal)Math.Round(500 + (random.NextDouble() * 12_000), 2)).ToArray();
            var population = AccountPopulation.FromPositions(collateral, debt, 2000);
            var a = new Ledger(population, 0.83);
            var b = new Ledger(population, 0.83);
            var indexed = new TriggerIndex(a);
            var scan = new FullScanIndex(b);
            var price = 2000.0;
            for (var step = 0; step < moves.Length; step++)
            {
                price *= moves[step];
                indexed.Collect(price);
                scan.Collect(price);
                if (!indexed.Liquidatable.SequenceEqual(scan.Liquidatable))
                {
                    return false;
                }

                // Change one account in both ledgers the same way: sell a slice of its collateral at the price.
                var account = touches[step] % n;
                foreach (var (ledger, index) in new (Ledger, LiquidationIndex)[] { (a, indexed), (b, scan) })
                {
                    var held = ledger.ExactCollateral(account);
                    if (held > 0m)
                    {
                        var units = Math.Min(held, decimal.Round(held * 0.3m, 9) + 0.000000001m);
                        ledger.Take(account, units, decimal.Round(units * (decimal)price, 6, MidpointRounding.ToZero), 0.05m, null);
                        index.Touched(account);
                    }
                }
            }

            return true;
        }, iter: 3_000);
    }

    [Fact]
    public void A_step_touches_only_crossed_accounts_and_the_cursor_moves_with_the_price()
    {
        // Triggers 1,000 / (q · 0.83): accounts 0..4 with debts 1..5 × 830 and 1 unit: triggers 1,000 … 5,000.
        var population = AccountPopulation.FromPositions([1m, 1m, 1m, 1m, 1m], [830m, 1_660m, 2_490m, 3_320m, 4_150m], 6000);
        var ledger = new Ledger(population, 0.83);
        var index = new TriggerIndex(ledger);
        index.Collect(4_500);
        index.Liquidatable.ToArray().Should().Equal(4);
        index.Collect(2_000);
        index.Liquidatable.ToArray().Should().Equal(4, 3, 2, 1);
        index.Collect(3_500);
        index.Liquidatable.ToArray().Should().Equal([4, 3], "accounts 2 and 1 recovered and went back to the index");
        index.Collect(1_000);
        index.Liquidatable.ToArray().Should().Equal(4, 3, 2, 1, 0);
    }
}
