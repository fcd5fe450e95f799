using CascadeGuard.Simulation.Accounts;

namespace CascadeGuard.Simulation.Policies;

/// <summary>What a policy gets when it is created for one simulated world.</summary>
/// <param name="Protocol">The lending protocol's rules (threshold, penalty, close factor).</param>
/// <param name="Accounts">The accounts (read-only; changed only through <see cref="LiquidationActions"/>).</param>
/// <param name="Market">The collateral's book (read-only).</param>
/// <param name="Clock">Simulated time, for stateful components.</param>
/// <param name="Start">Time of step 0.</param>
/// <param name="StepLength">Length of a step.</param>
/// <param name="Steps">Steps in the run.</param>
/// <param name="Seed">The run's seed, for a policy's own randomness (derive, do not reuse the population's stream).</param>
internal sealed record PolicySetup(ProtocolParameters Protocol, AccountsView Accounts, MarketView Market, TimeProvider Clock, DateTimeOffset Start, TimeSpan StepLength, int Steps, int Seed);
