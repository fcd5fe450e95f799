using System.Globalization;

namespace CascadeGuard.Tool.Cli;

/// <summary>
/// Reads <c>--name value</c> options and <c>--flag</c> switches after a command name. Every option may appear once;
/// anything unknown, repeated or malformed is a <see cref="UsageException"/> naming it.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ArgumentReader(IReadOnlyList<string> args, IReadOnlySet<string> options, IReadOnlySet<string> flags)
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

            if (flags.Contains(name))
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
        if (text is null)
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"option '--{name}' must be a number from {min} to {max}; was '{text}'"));
        }

        return value;
    }
}
