namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// A liquidation policy in one simulated world. Each step the simulator sets the prices, collects the liquidatable
/// accounts and calls <see cref="OnStep"/>; the policy decides and acts only through the <see cref="LiquidationActions"/>
/// (sales walk the book at once and return their fills). State a policy keeps between steps is its own; one instance
/// serves one world, so it needs no locking.
/// </summary>
internal interface ILiquidationPolicy
{
    void OnStep(in StepContext context, LiquidationActions actions);
}
