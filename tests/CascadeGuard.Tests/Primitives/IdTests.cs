using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Primitives;

public class IdTests
{
    [Fact]
    public void Ids_are_dense_non_negative_and_ordered()
    {
        new AssetId(3).Value.Should().Be(3);
        new AccountId(1).Should().BeLessThan(new AccountId(2));
        (new MarketId(5) > new MarketId(4)).Should().BeTrue();
        new AssetId(7).ToString().Should().Be("asset#7");
        new AccountId(7).ToString().Should().Be("account#7");
        new MarketId(7).ToString().Should().Be("market#7");
        FluentActions.Invoking(() => new AssetId(-1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'value' must be zero or positive; was -1*");
        FluentActions.Invoking(() => new AccountId(-1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new MarketId(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Every_public_struct_of_the_library_is_readonly()
    {
        // Convention test (as NodaTime does): value types in the public API are immutable.
        var structs = typeof(AssetId).Assembly.GetExportedTypes().Where(t => t.IsValueType && !t.IsEnum).ToList();
        structs.Should().NotBeEmpty();
        structs.Where(t => t.GetCustomAttributesData().All(a => a.AttributeType.FullName != "System.Runtime.CompilerServices.IsReadOnlyAttribute"))
            .Select(t => t.FullName)
            .Should().BeEmpty();
    }

    [Fact]
    public void Every_public_type_lives_in_a_namespace_of_the_library()
    {
        typeof(AssetId).Assembly.GetExportedTypes()
            .Should().OnlyContain(t => t.Namespace != null && t.Namespace.StartsWith("CascadeGuard.", StringComparison.Ordinal));
    }
}
