using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Primitives;

public class GuardTests
{
    [Fact]
    public void Destination_length_names_the_span_not_an_expression()
    {
        var destination = new double[2];
        var act = () => Guard.DestinationLength(destination.AsSpan(), 3);
        act.Should().Throw<ArgumentException>().WithParameterName("destination.AsSpan()")
            .WithMessage("Destination 'destination.AsSpan()' has length 2; at least 3 is required.*");
        Span<double> buffer = destination;
        FluentActions.Invoking(() => CheckBuffer(destination)).Should().Throw<ArgumentException>().WithParameterName("buffer");
        Guard.DestinationLength(buffer, 2);
    }

    [Fact]
    public void Same_length_names_the_second_input_and_both_lengths()
    {
        double[] floors = [0, 1], rates = [0.1];
        var act = () => Guard.SameLength<double, double>(floors, rates);
        act.Should().Throw<ArgumentException>().WithParameterName("rates")
            .WithMessage("'floors' has 2 entries but 'rates' has 1.*");
        Guard.SameLength<double, double>(floors, floors);
    }

    private static void CheckBuffer(Span<double> buffer) => Guard.DestinationLength(buffer, 3);
}
