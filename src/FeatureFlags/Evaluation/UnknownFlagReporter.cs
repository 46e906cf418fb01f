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
    /// <param name="knownNames">The names the current table knows, for a "did you mean" hint.</param>
    public void Report(string name, IEnumerable<string> knownNames)
    {
        if (_throw)
        {
            throw new KeyNotFoundException(
                $"The flag '{name}' is neither declared in a catalog nor configured{NameSuggestions.Hint(name, knownNames)}.");
        }

        if (_reported.TryAdd(name, 0))
        {
            FlagLog.UnknownFlag(_logger, name, NameSuggestions.Hint(name, knownNames));
        }
    }
}
