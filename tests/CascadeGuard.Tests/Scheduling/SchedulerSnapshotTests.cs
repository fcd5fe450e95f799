using System.Text.Json.Nodes;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Scheduling;

public class SchedulerSnapshotTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MarketId Eth = new(0);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly UnlimitedVolumeThrottle _throttle = new(Eth);

    private SchedulerMarket[] Markets() => [new SchedulerMarket(_throttle, 1.0)];

    /// <summary>A scheduler with an active job, a released slice, an applied fill and a cooldown.</summary>
    private string Saved()
    {
        var options = new LiquidationSchedulerOptions { MaxSharePerInterval = 1.0, StartJitter = TimeSpan.Zero, AccountCooldown = TimeSpan.FromMinutes(1) };
        var scheduler = new LiquidationScheduler(Markets(), options, _time);
        scheduler.Submit(new LiquidationRequest(new AccountId(1), Eth, LiquidationTarget.Quantity, 5.0, 0.9));
        scheduler.Submit(new LiquidationRequest(new AccountId(2), Eth, LiquidationTarget.Quantity, 3.0, 0.8));
        var buffer = new SellInstruction[4];
        var released = scheduler.Tick([2000.0], buffer).Released;
        released.Should().Be(2);
        scheduler.ApplyFill(new FillReport(1, buffer[0].Id, buffer[0].Quantity, 2000.0));
        return scheduler.SaveSnapshot();
    }

    [Fact]
    public void A_restored_scheduler_saves_the_same_document()
    {
        var json = Saved();
        LiquidationScheduler.Restore(json, Markets(), _time).SaveSnapshot().Should().Be(json);
    }

    public static TheoryData<string, JsonNode?, string> Corruptions => new()
    {
        { "version", JsonValue.Create(2), "version" },
        { "kind", JsonValue.Create("volume"), "kind" },
        { "markets", new JsonArray(JsonValue.Create(3)), "markets" },
        { "options", null, "options" },
        { "options.limitSlippage", JsonValue.Create(-0.5), "options" },
        { "random", new JsonArray(JsonValue.Create(1)), "random" },
        { "nextJob", JsonValue.Create(0), "nextJob" },
        { "jobs", null, "jobs" },
        { "jobs.0.id", JsonValue.Create(99), "jobs.id" },
        { "jobs.0.market", JsonValue.Create(4), "jobs.market" },
        { "jobs.0.requested", JsonValue.Create(-1.0), "jobs.amounts" },
        { "instructions", null, "instructions" },
        { "instructions.0.id", JsonValue.Create(99), "instructions.id" },
        { "instructions.0.open", JsonValue.Create(-1.0), "instructions.open" },
        { "open", null, "open" },
        { "open.0", JsonValue.Create(77), "open" },
        { "fills", null, "fills" },
        { "fills.0", new JsonArray(JsonValue.Create(1)), "fills" },
        { "cooldowns", null, "cooldowns" },
        { "cooldowns.0", new JsonArray(JsonValue.Create(-1), JsonValue.Create(0)), "cooldowns" },
        { "counters", null, "counters" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Corrupted_snapshots_are_refused_naming_json_and_the_field(string path, JsonNode? value, string field)
    {
        var root = JsonNode.Parse(Saved())!;
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        if (int.TryParse(parts[^1], out var at))
        {
            node[at] = value;
        }
        else
        {
            node[parts[^1]] = value;
        }

        FluentActions.Invoking(() => LiquidationScheduler.Restore(root.ToJsonString(), Markets(), _time))
            .Should().Throw<ArgumentException>().WithParameterName("json").WithMessage($"*'{field}'*");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Malformed_text_is_refused_naming_json(string json)
    {
        FluentActions.Invoking(() => LiquidationScheduler.Restore(json, Markets(), _time))
            .Should().Throw<ArgumentException>().WithParameterName(nameof(json));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var json = Saved();
        FluentActions.Invoking(() => LiquidationScheduler.Restore(null!, Markets(), _time)).Should().Throw<ArgumentNullException>().WithParameterName("json");
        FluentActions.Invoking(() => LiquidationScheduler.Restore(json, null!, _time)).Should().Throw<ArgumentNullException>().WithParameterName("markets");
    }
}
