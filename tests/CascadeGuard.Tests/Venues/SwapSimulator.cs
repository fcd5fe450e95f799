using CascadeGuard.Venues;

namespace CascadeGuard.Tests.Venues;

/// <summary>
/// An independent reference for the pool closed forms: a swap executed step by step the way a Uniswap v3 pool's swap loop
/// does it (SwapMath.computeSwapStep): within the current range the pool is x·y = L² over virtual reserves
/// x = L/√P, y = L·√P, and a step either finishes inside the range (constant-product formula on the virtual reserves)
/// or consumes the range up to its boundary and crosses into the next, where the active liquidity changes. The fee is
/// taken from each step's input and kept out of the liquidity. A trade is fed in <c>chunks</c> separate swaps.
/// </summary>
internal sealed class SwapSimulator(double price, double feeRate, LiquidityPosition[] positions)
{
    public double Price { get; private set; } = price;

    public static SwapSimulator ConstantProduct(double x, double y, double fee) =>
        // A constant-product pool is one position over all prices; the bounds lie far beyond any price a test reaches.
        new(y / x, fee, [new LiquidityPosition(1e-300, 1e300, Math.Sqrt(x * y))]);

    /// <summary>Sells <paramref name="quantity"/> base units in <paramref name="chunks"/> swaps; returns quote received and base sold.</summary>
    public (double Received, double Sold) Sell(double quantity, int chunks = 1)
    {
        double received = 0, sold = 0;
        for (var c = 0; c < chunks; c++)
        {
            var (r, s) = SellOnce(quantity / chunks);
            received += r;
            sold += s;
        }

        return (received, sold);
    }

    /// <summary>Buys <paramref name="quantity"/> base units in <paramref name="chunks"/> swaps; returns quote paid and base bought.</summary>
    public (double Paid, double Bought) Buy(double quantity, int chunks = 1)
    {
        double paid = 0, bought = 0;
        for (var c = 0; c < chunks; c++)
        {
            var (p, b) = BuyOnce(quantity / chunks);
            paid += p;
            bought += b;
        }

        return (paid, bought);
    }

    private (double Received, double Sold) SellOnce(double gross)
    {
        var net = gross * (1 - feeRate);
        var spentNet = 0.0;
        var received = 0.0;
        while (net - spentNet > 0)
        {
            var l = Active(down: true);
            var next = NextBoundary(down: true);
            if (next is null)
            {
                break;
            }

            if (l == 0)
            {
                Price = next.Value;
                continue;
            }

            var x = l / Math.Sqrt(Price);
            var y = l * Math.Sqrt(Price);
            var toBoundary = (l / Math.Sqrt(next.Value)) - x;
            var step = Math.Min(net - spentNet, toBoundary);
            var output = y * step / (x + step);
            received += output;
            spentNet += step;
            Price = step == toBoundary ? next.Value : (y - output) / (x + step);
        }

        return (received, spentNet / (1 - feeRate));
    }

    private (double Paid, double Bought) BuyOnce(double wanted)
    {
        var bought = 0.0;
        var paidNet = 0.0;
        while (wanted - bought > 0)
        {
            var l = Active(down: false);
            var next = NextBoundary(down: false);
            if (next is null)
            {
                break;
            }

            if (l == 0)
            {
                Price = next.Value;
                continue;
            }

            var x = l / Math.Sqrt(Price);
            var y = l * Math.Sqrt(Price);
            var toBoundary = x - (l / Math.Sqrt(next.Value));
            var step = Math.Min(wanted - bought, toBoundary);
            var input = y * step / (x - step);
            paidNet += input;
            bought += step;
            Price = step == toBoundary ? next.Value : (y + input) / (x - step);
        }

        return (paidNet / (1 - feeRate), bought);
    }

    /// <summary>Liquidity of the positions covering the prices just below (or just above) the current price.</summary>
    private double Active(bool down) =>
        positions.Where(p => down ? p.LowerPrice < Price && p.UpperPrice >= Price : p.LowerPrice <= Price && p.UpperPrice > Price)
            .Sum(p => p.Liquidity);

    private double? NextBoundary(bool down)
    {
        var bounds = positions.SelectMany(p => new[] { p.LowerPrice, p.UpperPrice });
        var candidates = down ? bounds.Where(b => b < Price).ToArray() : bounds.Where(b => b > Price).ToArray();
        return candidates.Length == 0 ? null : down ? candidates.Max() : candidates.Min();
    }
}
