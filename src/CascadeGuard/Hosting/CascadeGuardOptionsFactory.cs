using CascadeGuard.Engine;
using Microsoft.Extensions.Options;

namespace CascadeGuard.Hosting;

/// <summary>
/// Builds <see cref="CascadeGuardOptions"/> and validates them the first time (at start, through <c>ValidateOnStart</c>),
/// failing with every bad field named. Later builds (configuration reloads) are not validated here: the options monitor
/// would otherwise throw inside the reload and never tell the engine, so the engine validates each reload itself, logs
/// the failure and keeps its last good options.
/// </summary>
internal sealed class CascadeGuardOptionsFactory(
    IEnumerable<IConfigureOptions<CascadeGuardOptions>> setups,
    IEnumerable<IPostConfigureOptions<CascadeGuardOptions>> postConfigures)
    : IOptionsFactory<CascadeGuardOptions>
{
    private readonly OptionsFactory<CascadeGuardOptions> _inner = new(setups, postConfigures, []);
    private int _created;

    public CascadeGuardOptions Create(string name)
    {
        var options = _inner.Create(name);
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            var errors = CascadeGuardOptionsValidator.Check(options);
            if (errors.Count > 0)
            {
                throw new OptionsValidationException(name, typeof(CascadeGuardOptions), errors);
            }
        }

        return options;
    }
}
