namespace CascadeGuard.Tool.Map;

/// <summary>One row of the health distribution: accounts whose health factor lies in a band, and their debt.</summary>
internal sealed record HealthBand(string Label, int Accounts, double DebtValue);
