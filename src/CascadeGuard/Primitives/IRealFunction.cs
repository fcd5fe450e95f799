namespace CascadeGuard.Primitives;

/// <summary>A real function passed by value to the solvers, so that a call allocates nothing (no delegate, no closure).</summary>
internal interface IRealFunction
{
    double Evaluate(double x);
}
