using BenchmarkDotNet.Attributes;
using CascadeGuard.Volatility;

namespace CascadeGuard.Benchmarks.Volatility;

/// <summary>
/// One streaming bar update of each estimator (window 20), against the baseline of recomputing the window from
/// scratch at every bar. <c>Update</c> is Yang–Zhang, the estimator with the most work per bar (three rolling series).
/// </summary>
[MemoryDiagnoser]
public class VolatilityBenchmarks
{
    private const int Window = 20;
    private readonly OhlcBar[] _bars = new OhlcBar[1024];
    private YangZhangVolatility _yangZhang = null!;
    private CloseToCloseVolatility _closeToClose = null!;
    private EwmaVolatility _ewma = null!;
    private GarmanKlassVolatility _garmanKlass = null!;
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var close = 2000.0;
        for (var i = 0; i < _bars.Length; i++)
        {
            var open = close * (1 + ((random.NextDouble() - 0.5) * 0.002));
            close = open * (1 + ((random.NextDouble() - 0.5) * 0.01));
            var high = Math.Max(open, close) * (1 + (random.NextDouble() * 0.004));
            var low = Math.Min(open, close) * (1 - (random.NextDouble() * 0.004));
            _bars[i] = new OhlcBar(open, high, low, close);
        }

        _yangZhang = new YangZhangVolatility(Window);
        _closeToClose = new CloseToCloseVolatility(Window);
        _ewma = new EwmaVolatility();
        _garmanKlass = new GarmanKlassVolatility(Window);
        foreach (var bar in _bars.AsSpan(0, 100))
        {
            _yangZhang.Update(bar);
            _closeToClose.Update(bar);
            _ewma.Update(bar);
            _garmanKlass.Update(bar);
        }
    }

    /// <summary>The naive way: recompute Yang–Zhang over the whole window at every bar (the Math.NET batch version).</summary>
    [Benchmark(Baseline = true)]
    public double RecomputeWindow()
    {
        var end = Window + 1 + (_i++ % (_bars.Length - Window - 1));
        return VolatilityEstimators.YangZhang(_bars.AsSpan(end - Window - 1, Window + 1));
    }

    [Benchmark]
    public double Update()
    {
        _yangZhang.Update(_bars[_i++ & 1023]);
        return _yangZhang.Variance;
    }

    [Benchmark]
    public double UpdateCloseToClose()
    {
        _closeToClose.Update(_bars[_i++ & 1023]);
        return _closeToClose.Variance;
    }

    [Benchmark]
    public double UpdateEwma()
    {
        _ewma.Update(_bars[_i++ & 1023]);
        return _ewma.Variance;
    }

    [Benchmark]
    public double UpdateGarmanKlass()
    {
        _garmanKlass.Update(_bars[_i++ & 1023]);
        return _garmanKlass.Variance;
    }
}
