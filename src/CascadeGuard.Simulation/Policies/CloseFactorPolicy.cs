namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// <c>close-factor</c>: each step, each liquidatable account has at most the close factor (default 50 %) of its debt
/// repaid at market: the collateral sold is <c>r·(1 + penalty)</c> worth at the oracle price, as a lending protocol
/// seizes it (Aave, Compound), or all of it if that is less.
/// </summary>
internal sealed class CloseFactorPolicy : PolicyDefinition
{
    public override string Name => "close-factor";

    public override string Rules => "up to the close factor (50 %) of each liquidatable account's debt per step, at market";

    public override ILiquidationPolicy Create(PolicySetup setup) =>
        new Instance(setup.Protocol.CloseFactor, setup.Protocol.LiquidationPenalty);

    private sealed class Instance(double closeFactor, double penalty) : ILiquidationPolicy
    {
        public void OnStep(in StepContext context, LiquidationActions actions)
        {
            var seizePerDebt = (1 + penalty) * context.DebtOracle / context.CollateralOracle;
            foreach (var account in context.Liquidatable)
            {
                var units = closeFactor * context.Accounts.Debt(account) * seizePerDebt;
                actions.Sell(account, Math.Min(units, context.Accounts.Collateral(account)), penalty);
            }
        }
    }
}
