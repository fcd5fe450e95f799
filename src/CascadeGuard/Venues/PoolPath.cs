using CascadeGuard.Depth;

namespace CascadeGuard.Venues;

/// <summary>
/// The route a pool's price takes as one side trades against it: from the start, through the boundaries of liquidity
/// ranges, to where liquidity ends. On each piece the liquidity L is constant and the pool behaves as x·y = L² with
/// √P moving between the piece's ends (Uniswap v3 whitepaper, §6.2): net base moved = σ·L·(1/√P_b − 1/√P_a), quote moved
/// = σ·L·(√P_a − √P_b), with σ = +1 for a sale (price falls) and −1 for a purchase. Cumulative amounts at each boundary are
/// built once, so every question is a binary search over the boundaries plus a closed form inside one piece.
/// </summary>
/// <remarks>
/// The fee is charged on the input, as in Uniswap v2 and v3, and stays out of the active liquidity during the trade: a sale
/// of Q moves the curve by Q·(1 − f) and receives the curve's output; a purchase of Q pays the curve's input ÷ (1 − f).
/// Immutable and thread-safe.
/// </remarks>
internal sealed class PoolPath
{
    private const double Unemptiable = 1.0 - 1e-12;

    private readonly double[] _sqrt;
    private readonly double[] _liquidity;
    private readonly double[] _base;
    private readonly double[] _quote;
    private readonly TradeSide _side;
    private readonly double _sigma;
    private readonly double _netPerGrossQuantity;
    private readonly double _grossPerNetNotional;
    private readonly double _priceScale;

    /// <param name="side">Sell walks down in price, buy up.</param>
    /// <param name="feeRate">In [0, 1).</param>
    /// <param name="sqrtBoundaries">√P at the start and at each boundary, monotone in the direction of travel; the last may be 0 or ∞.</param>
    /// <param name="liquidity">L on each piece (one fewer than boundaries); the first positive.</param>
    public PoolPath(TradeSide side, double feeRate, ReadOnlySpan<double> sqrtBoundaries, ReadOnlySpan<double> liquidity)
    {
        _side = side;
        _sigma = Slippage.Sign(side);
        _netPerGrossQuantity = side == TradeSide.Sell ? 1.0 - feeRate : 1.0;
        _grossPerNetNotional = side == TradeSide.Sell ? 1.0 : 1.0 / (1.0 - feeRate);
        _priceScale = _grossPerNetNotional * _netPerGrossQuantity;
        _sqrt = sqrtBoundaries.ToArray();
        _liquidity = liquidity.ToArray();
        _base = new double[_sqrt.Length];
        _quote = new double[_sqrt.Length];
        for (var k = 0; k < _liquidity.Length; k++)
        {
            var l = _liquidity[k];
            _base[k + 1] = _base[k] + (l == 0 ? 0 : _sigma * l * ((1.0 / _sqrt[k + 1]) - (1.0 / _sqrt[k])));
            _quote[k + 1] = _quote[k] + (l == 0 ? 0 : _sigma * l * (_sqrt[k] - _sqrt[k + 1]));
        }
    }

    public double BestPrice => GrossPrice(_sqrt[0]);

    public double Capacity => _base[^1] / _netPerGrossQuantity;

    private int Pieces => _liquidity.Length;

    public Execution Execute(double quantity, double mid)
    {
        var best = BestPrice;
        if (quantity == 0)
        {
            return new Execution(_side, 0, 0, 0, best, -1, best, mid);
        }

        var net = quantity * _netPerGrossQuantity;
        if (net >= _base[^1])
        {
            if (double.IsFinite(_quote[^1]))
            {
                return new Execution(_side, quantity, Capacity, _quote[^1] * _grossPerNetNotional, GrossPrice(_sqrt[^1]), Pieces - 1, best, mid);
            }

            // A constant-product pool's reserve is never emptied: the last part of it would cost an infinite amount.
            net = _base[^1] * Unemptiable;
            var (k, into) = Locate(net);
            return new Execution(_side, quantity, net / _netPerGrossQuantity, NetQuote(k, into) * _grossPerNetNotional, GrossPrice(SqrtAfter(k, into)), k, best, mid);
        }

        var (piece, inside) = Locate(net);
        return new Execution(_side, quantity, quantity, NetQuote(piece, inside) * _grossPerNetNotional, GrossPrice(SqrtAfter(piece, inside)), piece, best, mid);
    }

    public double MarginalPrice(double quantity)
    {
        var net = quantity * _netPerGrossQuantity;
        if (net >= _base[^1])
        {
            return GrossPrice(_sqrt[^1]);
        }

        var (piece, inside) = Locate(net);
        return GrossPrice(SqrtAfter(piece, inside));
    }

    /// <summary>The largest gross quantity whose marginal price is no worse than <paramref name="limit"/>: invert √P on one piece.</summary>
    public double MaxWithinWorst(double limit)
    {
        var target = Math.Sqrt(limit / _priceScale);
        if (_sigma * (target - _sqrt[0]) >= 0)
        {
            return 0.0;
        }

        // The first boundary at or past the target; the pieces before it are crossed whole.
        int lo = 1, hi = _sqrt.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_sigma * (_sqrt[mid] - target) <= 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        if (lo == _sqrt.Length)
        {
            return Capacity;
        }

        var k = lo - 1;
        var inside = _liquidity[k] == 0 ? 0 : _sigma * _liquidity[k] * ((1.0 / target) - (1.0 / _sqrt[k]));
        return Math.Clamp(_base[k] + inside, _base[k], _base[k + 1]) / _netPerGrossQuantity;
    }

    /// <summary>
    /// The largest gross quantity whose average price is no worse than <paramref name="limit"/>. The boundaries whose running
    /// average is within the limit form a prefix (the curve is concave), found by binary search; inside the next piece the
    /// condition is a quadratic in the net amount moved, solved for its non-negative root. See docs/depth.md.
    /// </summary>
    public double MaxWithinAverage(double limit)
    {
        if (_sigma * (BestPrice - limit) < 0)
        {
            return 0.0;
        }

        if (limit == 0)
        {
            return Capacity;
        }

        var netLimit = limit / _priceScale;
        int lo = 0, hi = _sqrt.Length;
        while (hi - lo > 1)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_sigma * (_quote[mid] - (netLimit * _base[mid])) >= 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo == Pieces)
        {
            return Capacity;
        }

        var l = _liquidity[lo];
        if (l == 0)
        {
            return _base[lo] / _netPerGrossQuantity;
        }

        // a·d² + b·d + c ≤ 0 with c ≤ 0 (the running average at the boundary is within the limit).
        var s = _sqrt[lo];
        var moved = _base[lo];
        var received = _quote[lo];
        var a = netLimit * s;
        var b = (netLimit * moved * s) + (_sigma * netLimit * l) - (received * s) - (_sigma * l * s * s);
        var c = _sigma * l * ((netLimit * moved) - received);
        var root = Math.Sqrt(Math.Max(0.0, (b * b) - (4 * a * c)));
        var d = b > 0 ? 2 * c / (-b - root) : (-b + root) / (2 * a);
        return Math.Clamp(moved + Math.Max(0.0, d), moved, _base[lo + 1]) / _netPerGrossQuantity;
    }

    private double GrossPrice(double sqrt) => sqrt * sqrt * _priceScale;

    /// <summary>The piece a net amount ends in (the first whose far boundary reaches it) and the amount moved inside it.</summary>
    private (int Piece, double Inside) Locate(double net)
    {
        int lo = 0, hi = Pieces - 1;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_base[mid + 1] >= net)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (lo, Math.Max(0.0, net - _base[lo]));
    }

    /// <summary>√P after moving <paramref name="inside"/> net base units into piece k: L·√Pₖ / (L + σ·d·√Pₖ).</summary>
    private double SqrtAfter(int k, double inside)
    {
        var l = _liquidity[k];
        var s = _sqrt[k];
        return inside == 0 || l == 0 ? s : l * s / (l + (_sigma * inside * s));
    }

    /// <summary>Cumulative net quote after moving <paramref name="inside"/> into piece k: Qₖ + L·d·Pₖ / (L + σ·d·√Pₖ).</summary>
    private double NetQuote(int k, double inside)
    {
        var l = _liquidity[k];
        var s = _sqrt[k];
        return inside == 0 || l == 0 ? _quote[k] : _quote[k] + (l * inside * s * s / (l + (_sigma * inside * s)));
    }
}
