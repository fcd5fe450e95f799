using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Market;

/// <summary>
/// One collateral market with price impact and resilience (after Obizhaeva and Wang, 2013): the unaffected price is
/// the exogenous price times a permanent-impact multiplier <c>M</c>; sales consume depth <c>C</c> from a
/// <see cref="DepthProfile"/>, which moves the mid to <c>U·(1 − δ(C))</c>; consumed depth decays exponentially with the
/// resilience half-life. A fraction γ of each sale's move is made permanent by lowering <c>M</c> while the mid stays
/// continuous. Not thread-safe: one instance per simulated world.
/// </summary>
internal sealed class ImpactMarket
{
    // The book never quotes below this fraction of the unaffected price: the rest of a sale is unfilled.
    private const double Floor = 1e-6;

    private readonly DepthProfile? _profile;
    private readonly double _decayPerStep;
    private readonly double _permanent;
    private readonly double _maxConsumed;
    private double _exogenous;
    private double _multiplier = 1;
    private double _consumed;

    private ImpactMarket(DepthProfile? profile, double decayPerStep, double permanent, double exogenousPrice)
    {
        _profile = profile;
        _decayPerStep = decayPerStep;
        _permanent = permanent;
        _exogenous = exogenousPrice;
        _maxConsumed = profile?.UnitsWithin(1 - Floor) ?? 0;
    }

    /// <summary>A market whose sales move the price.</summary>
    public static ImpactMarket WithImpact(DepthProfile profile, TimeSpan halfLife, TimeSpan step, double permanentFraction, double initialPrice)
    {
        Guard.NotNull(profile);
        Guard.Positive(halfLife);
        Guard.Positive(step);
        Guard.InRange(permanentFraction, 0, 1);
        Guard.FinitePositive(initialPrice);
        var decay = Math.Exp(-Math.Log(2) * step.TotalSeconds / halfLife.TotalSeconds);
        return new ImpactMarket(profile, decay, permanentFraction, initialPrice);
    }

    /// <summary>"Off": infinite depth. Sales fill at the exogenous price and move nothing.</summary>
    public static ImpactMarket WithoutImpact(double initialPrice)
    {
        Guard.FinitePositive(initialPrice);
        return new ImpactMarket(null, 1, 0, initialPrice);
    }

    /// <summary>Whether sales move the price.</summary>
    public bool HasImpact => _profile is not null;

    /// <summary>The price with no liquidation flow so far: exogenous × permanent multiplier.</summary>
    public double Unaffected => _exogenous * _multiplier;

    /// <summary>The current mid (and best bid): the unaffected price less the temporary displacement.</summary>
    public double Mid => _profile is null ? _exogenous : Unaffected * (1 - _profile.DistanceAt(_consumed));

    /// <summary>Units consumed from the book and not yet refilled.</summary>
    public double ConsumedDepth => _consumed;

    /// <summary>The permanent-impact multiplier M (1 = none).</summary>
    public double PermanentMultiplier => _multiplier;

    /// <summary>Moves to the next step: the exogenous price changes and one step of resilience refills the book.</summary>
    public void Advance(double exogenousPrice)
    {
        Guard.FinitePositive(exogenousPrice);
        _exogenous = exogenousPrice;
        _consumed *= _decayPerStep;
    }

    /// <summary>Units that can be sold before the marginal price falls below <paramref name="limitPrice"/> (0: no limit).</summary>
    public double UnitsAbove(double limitPrice)
    {
        if (_profile is null)
        {
            return limitPrice <= _exogenous ? double.PositiveInfinity : 0;
        }

        var limit = limitPrice <= 0 ? _maxConsumed : _profile.UnitsWithin(Math.Min(1 - Floor, 1 - limitPrice / Unaffected));
        return Math.Max(0, limit - _consumed);
    }

    /// <summary>Sells up to <paramref name="units"/> at market, no lower than <paramref name="limitPrice"/> (0: no limit).</summary>
    public MarketFill Sell(double units, double limitPrice)
    {
        Guard.FiniteNonNegative(units);
        Guard.FiniteNonNegative(limitPrice);
        var before = Mid;
        if (_profile is null)
        {
            return limitPrice <= before ? new MarketFill(units, before, before, before) : new MarketFill(0, before, before, before);
        }

        var filled = Math.Min(units, UnitsAbove(limitPrice));
        if (filled <= 0)
        {
            return new MarketFill(0, before, before, before);
        }

        var from = _consumed;
        var to = from + filled;
        var unaffected = Unaffected;
        var average = unaffected * (1 - _profile.MeanDistance(from, to));

        // Split the move δ0 → δ1: a fraction γ lowers the unaffected price for good, the rest stays as consumed depth
        // that decays. The mid is continuous: U'·(1 − δ') = U·(1 − δ1).
        var d0 = _profile.DistanceAt(from);
        var d1 = _profile.DistanceAt(to);
        var permanentMove = _permanent * (d1 - d0);
        _multiplier *= 1 - permanentMove;
        var remaining = 1 - ((1 - d1) / (1 - permanentMove));
        _consumed = _profile.UnitsWithin(Math.Max(0, remaining));
        return new MarketFill(filled, average, before, Mid);
    }
}
