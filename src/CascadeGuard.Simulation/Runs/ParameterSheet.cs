using System.Globalization;
using CascadeGuard.Simulation.Market;

namespace CascadeGuard.Simulation.Runs;

/// <summary>Every parameter of a request with its value and its source or reason, as the report prints them.</summary>
internal static class ParameterSheet
{
    public static IReadOnlyList<Parameter> For(SimulationRequest request)
    {
        var m = request.Market;
        var p = request.Population;
        var c = request.Protocol;
        var fit = DepthFit.Default;
        var steps = request.StepCount;
        var list = new List<Parameter>
        {
            Parameter.Number("accounts", p.Accounts, string.Empty, "default 100,000 (up to 1,000,000)"),
            Parameter.Number("steps", steps, string.Empty, "one-minute steps over a day by default"),
            Parameter.Number("stepSeconds", request.Scenario.StepLength(steps).TotalSeconds, "s", "scenario duration / steps"),
            Parameter.Number("runs", request.Runs, string.Empty, "Monte Carlo seeds; mean and 95th percentile across them"),
        };
        list.AddRange(request.Scenario.Parameters);
        list.AddRange(
        [
            Parameter.Number("depthExponent", m.DepthExponent, string.Empty, Inv($"β of Q(δ) = A·δ^β: log-log fit to {fit.Points:N0} bid levels of the Bybit XRPUSDT book (β {fit.Exponent:F3}, R² {fit.RSquared:F3}, data within {fit.MaxDistance:P2} of mid), extrapolated")),
            Parameter.Number("debtToDepth", m.DebtToDepth, "×", "population debt over the notional within 2 % of mid at the start: an assumption (large lending markets owe many times the near-touch depth); swept 10–160"),
            Parameter.Number("depthReferenceDistance", m.DepthReferenceDistance, string.Empty, "the '2 % depth' band market-data vendors publish"),
            Parameter.Number("resilienceHalfLifeMinutes", m.ResilienceHalfLife.TotalMinutes, "min", "consumed depth decays exponentially (Obizhaeva–Wang 2013); an assumption for a stressed book, swept 1 s – 2 days"),
            Parameter.Number("permanentImpactFraction", m.PermanentImpactFraction, string.Empty, "share of each sale's move that never recovers: an assumption (Almgren et al. 2005 find permanent impact material)"),
            Parameter.Label("feedback", m.Feedback ? "on (and off for amplification)" : "off", "sales move the price the next margin check sees"),
            Parameter.Label("collateralOracle", "book mid, every step", "an oracle without delay: the feedback loop at its fastest"),
            Parameter.Number("nearZeroFraction", m.NearZeroFraction, string.Empty, "a fill at or below this fraction of the exogenous price counts as near zero"),
            Parameter.Number("sizeMedian", p.Sizes.Median, "USD", Inv($"median of the {p.Sizes.Samples} per-borrower repayments, Compound cDAI liquidations 2020-11-26")),
            Parameter.Number("sizeLogSd", p.Sizes.LogStandardDeviation, string.Empty, "standard deviation of their logs (log-normal sizes)"),
            Parameter.Number("sizeCap", p.Sizes.Cap, "USD", "the largest of them (46.1 M DAI); larger draws are redrawn"),
            Parameter.Number("healthShape", p.HealthShape, string.Empty, "HF − 1 ~ Gamma(k, θ): few accounts exactly at 1, most within tens of per cent (same law as the map sample book)"),
            Parameter.Number("healthScale", p.HealthScale, string.Empty, Inv($"θ; median HF {p.MedianHealthFactor:F3}, median leverage {p.MedianLeverage(c.LiquidationThreshold):F2}")),
            Parameter.Number("loanToValue", c.LoanToValue, string.Empty, "Aave v3 Ethereum WETH, rounded"),
            Parameter.Number("liquidationThreshold", c.LiquidationThreshold, string.Empty, "Aave v3 Ethereum WETH, rounded"),
            Parameter.Number("liquidationPenalty", c.LiquidationPenalty, string.Empty, "Aave v3 WETH liquidation bonus (5 %)"),
            Parameter.Number("closeFactor", c.CloseFactor, string.Empty, "Aave v2/v3 and Compound v2 close factor (50 %)"),
        ]);
        // Policies may share a parameter (cascadeguard's keepers are the auction policy's): each key is printed once.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in list)
        {
            keys.Add(parameter.Key);
        }

        foreach (var policy in request.Policies)
        {
            foreach (var parameter in policy.Parameters)
            {
                if (keys.Add(parameter.Key))
                {
                    list.Add(parameter);
                }
            }
        }

        return list;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
