using System.Text.Json.Nodes;
using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Primitives;
using CsCheck;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.Insurance;

public class InsuranceFundTests
{
    private static InsuranceFundOptions Options(decimal floor = 100m, decimal cap = 1_000m) =>
        new() { Asset = Usd, Quantum = 0.01m, Floor = floor, Cap = cap };

    private static InsuranceFund Fund(decimal floor = 100m, decimal cap = 1_000m) => new(Options(floor, cap), Clock());

    private static void Conserves(InsuranceFund f) =>
        f.TotalInflows.Should().Be(f.TotalCovered + f.TotalWithdrawn + f.Balance);

    [Fact]
    public void Inflows_fill_up_to_the_cap_and_report_the_excess()
    {
        var f = Fund();
        f.Contribute(NextId(), 600m, InsuranceInflow.PenaltyShare).Amount.Should().Be(600m);
        var r = f.Contribute(NextId(), 500.55m, InsuranceInflow.Fee);
        (r.Outcome, r.Amount, r.Remainder).Should().Be((LedgerOutcome.Applied, 400m, 100.55m));
        f.Balance.Should().Be(1_000m);
        f.Headroom.Should().Be(0m);

        // At the cap nothing moves: answered, not journaled, id stays free.
        var journal = f.Journal.Count;
        var full = f.Contribute(NextId(), 5m, InsuranceInflow.Contribution);
        (full.Amount, full.Remainder, full.Sequence).Should().Be((0m, 5m, 0L));
        f.Journal.Count.Should().Be(journal);
        (f.GetInflows(InsuranceInflow.PenaltyShare), f.GetInflows(InsuranceInflow.Fee), f.GetInflows(InsuranceInflow.Contribution)).Should().Be((600m, 400m, 0m));
        Conserves(f);
    }

    [Fact]
    public void Docs_example()
    {
        var usd = Usd;
        var fund = new InsuranceFund(new InsuranceFundOptions { Asset = usd, Quantum = 0.01m, Floor = 100m, Cap = 1_000m });
        fund.Contribute(new OperationId(1), 600m, InsuranceInflow.PenaltyShare).Amount.Should().Be(600m);
        fund.Contribute(new OperationId(2), 500.55m, InsuranceInflow.Fee).Remainder.Should().Be(100.55m);
        var cover = fund.Cover(new OperationId(3), 975.25m);
        (cover.Amount, cover.Remainder).Should().Be((900m, 75.25m));
        fund.Withdraw(new OperationId(4), 0.01m).Rejection.Should().Be(LedgerRejection.BelowFloor);
        fund.Balance.Should().Be(100m);
    }

    [Fact]
    public void Covers_pay_down_to_the_floor_and_report_what_is_left()
    {
        var f = Fund();
        f.Contribute(NextId(), 350m, InsuranceInflow.Contribution);
        f.Available.Should().Be(250m);
        var r = f.Cover(NextId(), 200m);
        (r.Amount, r.Remainder).Should().Be((200m, 0m));
        r = f.Cover(NextId(), 75.25m);
        (r.Amount, r.Remainder).Should().Be((50m, 25.25m));
        f.Balance.Should().Be(100m);
        r = f.Cover(NextId(), 1m);
        (r.Outcome, r.Amount, r.Remainder, r.Sequence).Should().Be((LedgerOutcome.Applied, 0m, 1m, 0L));
        f.TotalCovered.Should().Be(250m);
        Conserves(f);
    }

    [Fact]
    public void Withdrawals_past_the_floor_or_balance_are_refused_and_change_nothing()
    {
        var f = Fund();
        f.Contribute(NextId(), 300m, InsuranceInflow.Fee);
        var before = f.SaveSnapshot();
        f.Withdraw(NextId(), 200.01m).Rejection.Should().Be(LedgerRejection.BelowFloor);
        f.Withdraw(NextId(), 300.01m).Rejection.Should().Be(LedgerRejection.InsufficientBalance);
        f.SaveSnapshot().Should().Be(before);
        f.Withdraw(NextId(), 200m).IsApplied.Should().BeTrue();
        f.Balance.Should().Be(100m);
        Conserves(f);
    }

    [Fact]
    public void Repeats_and_reused_ids()
    {
        var f = Fund();
        var id = NextId();
        var first = f.Contribute(id, 10m, InsuranceInflow.Fee);
        var again = f.Contribute(id, 10m, InsuranceInflow.Fee);
        (again.Outcome, again.Sequence, again.Amount).Should().Be((LedgerOutcome.Duplicate, first.Sequence, 10m));
        f.Balance.Should().Be(10m);
        var before = f.SaveSnapshot();
        f.Contribute(id, 10m, InsuranceInflow.Contribution).Rejection.Should().Be(LedgerRejection.IdReused);
        f.Cover(id, 10m).Rejection.Should().Be(LedgerRejection.IdReused);
        f.SaveSnapshot().Should().Be(before);
    }

    [Fact]
    public void Malformed_arguments_throw_and_change_nothing()
    {
        var f = Fund();
        f.Contribute(NextId(), 500m, InsuranceInflow.Fee);
        var before = f.SaveSnapshot();
        FluentActions.Invoking(() => f.Contribute(default, 1m, InsuranceInflow.Fee)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => f.Contribute(NextId(), 0m, InsuranceInflow.Fee)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
        FluentActions.Invoking(() => f.Contribute(NextId(), 0.001m, InsuranceInflow.Fee)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
        FluentActions.Invoking(() => f.Contribute(NextId(), 1m, (InsuranceInflow)9)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("source");
        FluentActions.Invoking(() => f.Cover(NextId(), -1m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("shortfall");
        FluentActions.Invoking(() => f.Withdraw(NextId(), 0.5m * 0.01m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
        f.SaveSnapshot().Should().Be(before);
    }

    [Theory]
    [InlineData(-1, 10, "Floor")]
    [InlineData(20, 10, "Floor")]
    [InlineData(0, 0, "Cap")]
    [InlineData(0, 10.001, "Cap")]
    [InlineData(0.001, 10, "Floor")]
    public void Invalid_options_name_the_field(double floor, double cap, string field)
    {
        var o = Options((decimal)floor, (decimal)cap);
        FluentActions.Invoking(() => new InsuranceFund(o)).Should().Throw<ArgumentException>().WithParameterName(field);
    }

    [Fact]
    public void Uncapped_by_default()
    {
        var f = new InsuranceFund(new InsuranceFundOptions { Quantum = 1m });
        f.Cap.Should().Be(long.MaxValue);
        f.Contribute(NextId(), 1e18m, InsuranceInflow.Fee).Remainder.Should().Be(0m);
    }

    [Fact]
    public void Snapshot_and_journal_round_trip_and_refuse_tampering()
    {
        var f = Fund();
        f.Contribute(NextId(), 700m, InsuranceInflow.PenaltyShare);
        f.Cover(NextId(), 123.45m);
        f.Withdraw(NextId(), 10m);
        var json = f.SaveSnapshot();
        InsuranceFund.Restore(json).SaveSnapshot().Should().Be(json);
        var events = InsuranceFund.ReadJournal(InsuranceFund.WriteJournal(f.Journal));
        InsuranceFund.Replay(Options(), events).SaveSnapshot().Should().Be(json);

        var node = JsonNode.Parse(json)!;
        node["balance"] = 99_999_999;
        FluentActions.Invoking(() => InsuranceFund.Restore(node.ToJsonString())).Should().Throw<LedgerIntegrityException>();
        node = JsonNode.Parse(json)!;
        node["version"] = 7;
        FluentActions.Invoking(() => InsuranceFund.Restore(node.ToJsonString())).Should().Throw<LedgerIntegrityException>();

        List<InsuranceFundEvent> altered = [events[0], new() { Sequence = 2, Id = events[1].Id, Kind = InsuranceFundEventKind.Cover, Requested = 123.45m, Amount = 100m }];
        FluentActions.Invoking(() => InsuranceFund.Replay(Options(), altered)).Should().Throw<LedgerIntegrityException>();
    }

    /// <summary>Random inflows, covers, withdrawals and repeats: the fund stays within [0, cap], never pays below its floor, conserves every unit; replay and snapshot/restore agree with the live fund.</summary>
    [Fact]
    public void Random_sequences_keep_the_fund_whole()
    {
        var genOp = Gen.Select(Gen.Int[0, 3], Gen.Long[1, 60_000], Gen.Int[1, 3]);
        Gen.Select(genOp.Array[1, 20], Gen.Int[0, 20]).Sample(static (ops, cut) =>
        {
            var f = Fund();
            InsuranceFund? restored = null;
            for (var i = 0; i < ops.Length; i++)
            {
                var (kind, cents, source) = ops[i];
                var amount = cents / 100m;
                var id = new OperationId(kind == 3 ? Math.Max(1, i) : i + 1); // kind 3 repeats the previous id
                foreach (var target in restored is null ? [f] : new[] { f, restored })
                {
                    var balance = target.Balance;
                    var r = kind switch
                    {
                        0 => target.Contribute(id, amount, (InsuranceInflow)source),
                        1 => target.Cover(id, amount),
                        2 => target.Withdraw(id, amount),
                        _ => target.Contribute(id, amount, InsuranceInflow.Fee),
                    };
                    if (r.Outcome == LedgerOutcome.Applied && kind == 1 && r.Amount > 0 && target.Balance < target.Floor)
                    {
                        Ensure.Fail("a cover paid below the floor");
                    }

                    if (r.Outcome != LedgerOutcome.Applied && target.Balance != balance)
                    {
                        Ensure.Fail("a refused or repeated operation moved money");
                    }

                    if (target.Balance < 0 || target.Balance > target.Cap || target.TotalInflows != target.TotalCovered + target.TotalWithdrawn + target.Balance)
                    {
                        Ensure.Fail("the fund is out of range or does not conserve");
                    }
                }

                if (i + 1 == cut)
                {
                    restored = InsuranceFund.Restore(f.SaveSnapshot());
                }
            }

            var live = f.SaveSnapshot();
            if (InsuranceFund.Replay(Options(), f.Journal).SaveSnapshot() != live || (restored is not null && restored.SaveSnapshot() != live))
            {
                Ensure.Fail("replay or restore diverged");
            }
        }, iter: 10_000);
    }
}
