namespace CascadeGuard.Volatility;

/// <summary>A per-bar variance term, as a generic struct policy so that batch and streaming code share it without delegates.</summary>
internal interface IBarTerm
{
    static abstract double Of(in OhlcBar bar);
}

/// <summary>Parkinson (1980): (ln H/L)² / (4 ln 2).</summary>
internal readonly struct ParkinsonTerm : IBarTerm
{
    private static readonly double FourLn2 = 4 * Math.Log(2);

    public static double Of(in OhlcBar bar)
    {
        var hl = Math.Log(bar.High / bar.Low);
        return hl * hl / FourLn2;
    }
}

/// <summary>Garman–Klass (1980): ½(ln H/L)² − (2 ln 2 − 1)(ln C/O)².</summary>
internal readonly struct GarmanKlassTerm : IBarTerm
{
    private static readonly double TwoLn2MinusOne = (2 * Math.Log(2)) - 1;

    public static double Of(in OhlcBar bar)
    {
        var hl = Math.Log(bar.High / bar.Low);
        var co = Math.Log(bar.Close / bar.Open);
        return (0.5 * hl * hl) - (TwoLn2MinusOne * co * co);
    }
}

/// <summary>Rogers–Satchell (1991): ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O), drift-independent.</summary>
internal readonly struct RogersSatchellTerm : IBarTerm
{
    public static double Of(in OhlcBar bar) =>
        (Math.Log(bar.High / bar.Close) * Math.Log(bar.High / bar.Open)) + (Math.Log(bar.Low / bar.Close) * Math.Log(bar.Low / bar.Open));
}
