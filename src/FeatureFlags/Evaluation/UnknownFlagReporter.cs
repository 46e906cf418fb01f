using System.Collections.Concurrent;
using FeatureFlags.Configuration;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Evaluation;

/// <summary>Handles reads of flags nobody declared or configured: a warning once per name, or an exception in strict mode.</summary>
internal sealed class UnknownFlagReporter
{
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger;
    private readonly bool _throw;

    public UnknownFlagReporter(ILogger logger, bool throwOnUnknown)
    {
        _logger = logger;
        _throw = throwOnUnknown;
    }

    /// <summary>Warns once about <paramref name="name"/>, or throws in strict mode.</summary>
    /// <param name="name">The unknown name.</param>
    /// <param name="known">The flags the current table knows, for a "did you mean" hint.</param>
    /// <remarks>Repeated reads of a name already reported allocate nothing: the hint is built only when used.</remarks>
    public void Report(string name, IReadOnlyList<CompiledFlag> known)
    {
        if (_throw)
        {
            throw new KeyNotFoundException(
                $"The flag '{name}' is neither declared in a catalog nor configured{NameSuggestions.Hint(name, known.Select(f => f.Name))}.");
        }

        if (_reported.TryAdd(name, 0))
        {
            FlagLog.UnknownFlag(_logger, name, NameSuggestions.Hint(name, known.Select(f => f.Name)));
        }
    }
}
