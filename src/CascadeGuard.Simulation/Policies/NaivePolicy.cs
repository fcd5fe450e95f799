namespace CascadeGuard.Simulation.Policies;

/// <summary><c>naive</c>: every liquidatable account is liquidated in full, at once, at market, with the fixed penalty.</summary>
internal sealed class NaivePolicy : PolicyDefinition
{
    public override string Name => "naive";

    public override string Rules => "every liquidatable account in full, at once, at market, fixed penalty";

    public override ILiquidationPolicy Create(PolicySetup setup) => new Instance(setup.Protocol.LiquidationPenalty);

    private sealed class Instance(double penalty) : ILiquidationPolicy
    {
        public void OnStep(in StepContext context, LiquidationActions actions)
        {
            foreach (var account in context.Liquidatable)
            {
                actions.Sell(account, context.Accounts.Collateral(account), penalty);
            }
        }
    }
}
