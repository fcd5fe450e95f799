namespace CascadeGuard.Simulation.Market;

/// <summary>The result of one sale into the book.</summary>
/// <param name="Units">Collateral units filled (at most those offered; fewer when a limit or the book's end stopped it).</param>
/// <param name="AveragePrice">Proceeds per unit filled (the mid before the sale when nothing filled).</param>
/// <param name="MidBefore">The mid price just before the sale.</param>
/// <param name="MidAfter">The mid price just after it (the last marginal price).</param>
internal readonly record struct MarketFill(double Units, double AveragePrice, double MidBefore, double MidAfter);
