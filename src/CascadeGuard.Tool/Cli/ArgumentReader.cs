using System.Globalization;

namespace CascadeGuard.Tool.Cli;

/// <summary>
/// Reads <c>--name value</c> options, <c>--name value value…</c> lists (values up to the next option; commas also
/// separate) and <c>--flag</c> switches after a command name. Every option may appear once; anything unknown, repeated
/// or malformed is a <see cref="UsageException"/> naming it.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ArgumentReader(IReadOnlyList<string> args, IReadOnlySet<string> options, IReadOnlySet<string> flags, IReadOnlySet<string>? lists = null)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }

            var name = arg[2..];
            if (_values.ContainsKey(name))
            {
                throw new UsageException($"option '--{name}' is given twice");
            }

            if (lists is not null && lists.Contains(name))
            {
                var values = new List<string>();
                while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    values.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }

                if (values.Count == 0)
                {
                    throw new UsageException($"option '--{name}' needs at least one value");
                }

                _values[name] = null;
                _lists[name] = values;
            }
            else if (flags.Contains(name))
            {
                _values[name] = null;
            }
            else if (options.Contains(name))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"option '--{name}' needs a value");
                }

                _values[name] = args[++i];
            }
            else
            {
                throw new UsageException($"unknown option '--{name}'");
            }
        }
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    /// <summary>The values of a list option, or null when it is absent.</summary>
    public IReadOnlyList<string>? List(string name) => _lists.TryGetValue(name, out var values) ? values : null;

    public string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var v) ? v : null;
    }

    public int Integer(string name, int defaultValue, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"option '--{name}' must be a whole number from {min} to {max}; was '{text}'");
        }

        return value;
    }

    public double Number(string name, double defaultValue, double min, double max)
    {
        var text = Text(name);
        return text is null ? defaultValue : ParseNumber(name, text, min, max);
    }

    /// <summary>A list of numbers, each in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double[] Numbers(string name, double[] defaultValues, double min, double max)
    {
        var values = List(name);
        return values is null ? defaultValues : values.Select(v => ParseNumber(name, v, min, max)).ToArray();
    }

    /// <summary>A duration such as <c>30s</c>, <c>10m</c>, <c>2h</c>, <c>1d</c>, in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public TimeSpan Duration(string name, TimeSpan defaultValue, TimeSpan min, TimeSpan max)
    {
        var text = Text(name);
        return text is null ? defaultValue : ParseDuration(name, text, min, max);
    }

    /// <summary>A list of durations.</summary>
    public TimeSpan[] Durations(string name, TimeSpan[] defaultValues, TimeSpan min, TimeSpan max)
    {
        var values = List(name);
        return values is null ? defaultValues : values.Select(v => ParseDuration(name, v, min, max)).ToArray();
    }

    private static double ParseNumber(string name, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"option '--{name}' must be a number from {min} to {max}; was '{text}'"));
        }

        return value;
    }

    private static TimeSpan ParseDuration(string name, string text, TimeSpan min, TimeSpan max)
    {
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        double? seconds = text[unitStart..] switch
        {
            "s" => 1,
            "m" or "min" => 60,
            "h" => 3600,
            "d" => 86400,
            _ => null,
        };
        if (seconds is null || !double.TryParse(text.AsSpan(0, unitStart), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount)
            || amount * seconds.Value < min.TotalSeconds || amount * seconds.Value > max.TotalSeconds)
        {
            throw new UsageException($"option '--{name}' must be a duration from {Show(min)} to {Show(max)} such as 30s, 10m, 2h or 1d; was '{text}'");
        }

        return TimeSpan.FromSeconds(amount * seconds.Value);
    }

    /// <summary>A duration in the units the options take (1s, 10m, 2h, 1d).</summary>
    public static string Show(TimeSpan t) => t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? Inv($"{t.TotalDays}d")
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? Inv($"{t.TotalHours}h")
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? Inv($"{t.TotalMinutes}m")
        : Inv($"{t.TotalSeconds}s");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
