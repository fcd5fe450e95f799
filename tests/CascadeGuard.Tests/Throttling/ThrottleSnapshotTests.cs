using System.Text.Json;
using System.Text.Json.Nodes;
using CascadeGuard.Depth;
using CascadeGuard.Primitives;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;
using Microsoft.Extensions.Time.Testing;
using static CascadeGuard.Tests.Throttling.ThrottleFixture;

namespace CascadeGuard.Tests.Throttling;

public class ThrottleSnapshotTests
{
    private static string Saved()
    {
        var options = DepthOnly();
        options.MaxNotionalPerInterval = double.PositiveInfinity;
        var (throttle, time) = Create(options);
        throttle.UpdateDepth(100, 1000, T0);
        var lease = throttle.TryReserve(30, 30);
        throttle.Commit(lease.Id, 10, 990);
        time.Advance(TimeSpan.FromSeconds(3));
        throttle.RecordMarketVolume(40);
        return throttle.SaveSnapshot();
    }

    [Fact]
    public void Snapshot_is_versioned_json_that_round_trips()
    {
        var json = Saved();
        var root = JsonNode.Parse(json)!;
        root["version"]!.GetValue<int>().Should().Be(1);
        root["kind"]!.GetValue<string>().Should().Be("depthAware");
        root["options"]!["maxNotionalPerInterval"]!.GetValue<string>().Should().Be("Infinity");
        root["options"]!["slippageMeasure"]!.GetValue<string>().Should().Be("AveragePrice");
        var restored = VolumeThrottle.Restore(json, new FakeTimeProvider(T0.AddSeconds(3)));
        restored.SaveSnapshot().Should().Be(json);
        restored.Market.Should().Be(new MarketId(1));
        restored.GetStatistics().InFlight.Should().Be(20);
        restored.Commit(new LeaseId(1), 20, 1000).IsApplied.Should().BeTrue();
    }

    [Fact]
    public void Every_option_is_kept_through_the_copy_and_the_snapshot()
    {
        var options = new VolumeThrottleOptions
        {
            MaxSlippageBps = 12,
            SlippageMeasure = SlippageMeasure.WorstPrice,
            SlippageReference = SlippageReference.Best,
            DepthParticipation = 0.7,
            VolumeParticipation = 0.2,
            VolumeWindow = TimeSpan.FromSeconds(90),
            VolumeWindowBuckets = 9,
            MaxNotionalPerInterval = 123_456,
            NotionalInterval = TimeSpan.FromSeconds(7),
            RecoveryHalfLife = TimeSpan.FromSeconds(11),
            MaxDepthAge = TimeSpan.FromSeconds(13),
            ReferenceVolatility = 0.9,
            VpinThreshold = 0.2,
            VpinCeiling = 0.9,
            MinimumMultiplier = 0.3,
            MaxOpenLeases = 17,
        };
        var json = JsonNode.Parse(new VolumeThrottle(new MarketId(0), options, TimeProvider.System).SaveSnapshot())!["options"]!.AsObject();
        var properties = typeof(VolumeThrottleOptions).GetProperties();
        json.Count.Should().Be(properties.Length);
        var defaults = new VolumeThrottleOptions();
        foreach (var property in properties)
        {
            var set = property.GetValue(options)!;
            set.Should().NotBe(property.GetValue(defaults), $"the test must move {property.Name} off its default");
            var saved = json[JsonNamingPolicy.CamelCase.ConvertName(property.Name)]!.ToJsonString();
            var expected = set switch
            {
                TimeSpan t => t.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Enum e => $"\"{e}\"",
                _ => JsonSerializer.Serialize(set),
            };
            saved.Should().Be(expected, property.Name);
        }
    }

    public static TheoryData<string, string, object> Corruptions => new()
    {
        { "version", "version", 2 },
        { "kind", "kind", "unlimited" },
        { "market", "market", -1 },
        { "deficit", "deficit", -5.0 },
        { "deficitAt", "deficitAt", 1L },
        { "clock", "clock", 1L },
        { "vpin", "vpin", 1.5 },
        { "volatility", "volatility", -1.0 },
        { "intervalNotional", "intervalNotional", -1.0 },
        { "intervalNumber", "intervalNumber", -1L },
        { "options.depthParticipation", "options.DepthParticipation", 2.0 },
        { "options.volumeWindowBuckets", "options.VolumeWindowBuckets", 0 },
        { "depth.referencePrice", "depth.referencePrice", 0.0 },
        { "depth.quantity", "depth.quantity", -1.0 },
        { "leases.nextId", "leases.nextId", 0L },
        { "leases.inFlight", "leases.inFlight", -1.0 },
        { "leases.open.0.id", "leases.open.id", 7L },
        { "leases.open.0.remaining", "leases.open.remaining", 0.0 },
        { "volume.number.1", "volume.number", 5L },
        { "volume.market.0", "volume.market", -2.0 },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Corrupted_snapshots_are_refused_naming_the_field(string path, string field, object value)
    {
        var root = JsonNode.Parse(Saved())!;
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        var last = parts[^1];
        var replacement = JsonValue.Create(value);
        if (int.TryParse(last, out var at))
        {
            node[at] = replacement;
        }
        else
        {
            node[last] = replacement;
        }

        FluentActions.Invoking(() => VolumeThrottle.Restore(root.ToJsonString(), TimeProvider.System))
            .Should().Throw<ArgumentException>().WithParameterName("json").WithMessage($"*'{field}'*");
    }

    [Theory]
    [InlineData("options")]
    [InlineData("leases")]
    [InlineData("volume")]
    public void Missing_sections_are_refused(string section)
    {
        var root = JsonNode.Parse(Saved())!.AsObject();
        root.Remove(section);
        FluentActions.Invoking(() => VolumeThrottle.Restore(root.ToJsonString(), TimeProvider.System))
            .Should().Throw<ArgumentException>().WithParameterName("json").WithMessage($"*'{section}'*");
    }

    [Fact]
    public void Malformed_text_is_refused()
    {
        FluentActions.Invoking(() => VolumeThrottle.Restore("{not json", TimeProvider.System))
            .Should().Throw<ArgumentException>().WithParameterName("json");
        FluentActions.Invoking(() => VolumeThrottle.Restore("null", TimeProvider.System))
            .Should().Throw<ArgumentException>().WithParameterName("json");
        FluentActions.Invoking(() => VolumeThrottle.Restore(null!, TimeProvider.System))
            .Should().Throw<ArgumentNullException>().WithParameterName("json");
        FluentActions.Invoking(() => VolumeThrottle.Restore(Saved(), null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("timeProvider");
    }

    [Fact]
    public void Unlimited_throttle_grants_everything_but_keeps_lease_rules()
    {
        var throttle = new UnlimitedVolumeThrottle(new MarketId(4));
        throttle.Market.Should().Be(new MarketId(4));
        throttle.Available.Should().Be(double.PositiveInfinity);
        var lease = throttle.TryReserve(1e12, 1);
        lease.IsGranted.Should().BeTrue();
        lease.Quantity.Should().Be(1e12);
        lease.Reason.Should().Be(ThrottleReason.None);
        throttle.UpdateDepth(0, 1, T0).Should().BeTrue();
        throttle.UpdateDepth(new ConstantProductPool(1, 1, 0), T0).Should().BeTrue();
        throttle.RecordMarketVolume(0);
        throttle.UpdateConditions(new ThrottleConditions(5, 1));
        throttle.TryReserve(1, 1).IsGranted.Should().BeTrue();

        throttle.Commit(lease.Id, 4e11, 10).Should().Be(new LeaseUpdate(LeaseUpdateStatus.Applied, 6e11, 0));
        throttle.Commit(lease.Id, 7e11, 10).Status.Should().Be(LeaseUpdateStatus.ExceedsLease);
        throttle.Commit(new LeaseId(42), 1, 10).Status.Should().Be(LeaseUpdateStatus.UnknownLease);
        throttle.Release(lease.Id).Released.Should().Be(6e11);
        throttle.Release(lease.Id).Status.Should().Be(LeaseUpdateStatus.LeaseClosed);
        throttle.GetStatistics().Should().Be(new ThrottleStatistics(double.PositiveInfinity, 1, 1, 1e12 + 1, 4e11, 6e11, 2, 0, 1, ThrottleReason.None));

        var json = throttle.SaveSnapshot();
        var restored = UnlimitedVolumeThrottle.Restore(json);
        restored.SaveSnapshot().Should().Be(json);
        restored.GetStatistics().Should().Be(throttle.GetStatistics());
        FluentActions.Invoking(() => UnlimitedVolumeThrottle.Restore(Saved())).Should().Throw<ArgumentException>().WithMessage("*'kind'*");
        FluentActions.Invoking(() => VolumeThrottle.Restore(json, TimeProvider.System)).Should().Throw<ArgumentException>().WithMessage("*'kind'*");
    }

    [Fact]
    public void Unlimited_throttle_rejects_bad_arguments_without_change()
    {
        var throttle = new UnlimitedVolumeThrottle(new MarketId(0));
        var lease = throttle.TryReserve(5, 5);
        var before = throttle.SaveSnapshot();
        FluentActions.Invoking(() => throttle.TryReserve(double.NaN, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => throttle.TryReserve(1, 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minimumQuantity");
        FluentActions.Invoking(() => throttle.Commit(lease.Id, 1, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("price");
        FluentActions.Invoking(() => throttle.UpdateDepth(double.NaN, 1, T0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("depthQuantity");
        FluentActions.Invoking(() => throttle.UpdateDepth(null!, T0)).Should().Throw<ArgumentNullException>().WithParameterName("venue");
        FluentActions.Invoking(() => throttle.RecordMarketVolume(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => throttle.UpdateConditions(new ThrottleConditions(0, 2))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("conditions.Vpin");
        throttle.SaveSnapshot().Should().Be(before);
    }
}
