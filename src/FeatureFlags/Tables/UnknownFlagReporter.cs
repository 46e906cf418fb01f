using System.Collections.Concurrent;
using FeatureFlags.Diagnostics;
using FeatureFlags.Validation;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tables;

/// <summary>
/// Handles reads of flags nobody declared or configured: a warning once per name, or an exception in strict
/// mode. Bounded whatever the callers pass: at most <see cref="MaxRemembered"/> distinct names are remembered
/// (and warned about), then one summary warning, and names are remembered by at most
/// <see cref="MaxRememberedLength"/> characters. The "did you mean" search runs once per remembered name.
/// Thread-safe.
/// </summary>
internal sealed class UnknownFlagReporter
{
    /// <summary>How many distinct unknown names are remembered and warned about.</summary>
    public const int MaxRemembered = 1000;

    /// <summary>How many characters of an unknown name are remembered and logged.</summary>
    public const int MaxRememberedLength = 256;

    // Name → its hint, so that strict mode, which throws on every read, searches once per name.
    private readonly ConcurrentDictionary<string, string> _reported = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger;
    private readonly bool _throw;
    private int _limitReported;

    public UnknownFlagReporter(ILogger logger, bool throwOnUnknown)
    {
        _logger = logger;
        _throw = throwOnUnknown;
    }

    /// <summary>Warns once about <paramref name="name"/>, or throws in strict mode.</summary>
    /// <param name="name">The unknown name; <see langword="null"/> for a default <see cref="FlagKey"/>.</param>
    /// <param name="known">The flags the current table knows, for a "did you mean" hint.</param>
    /// <remarks>Repeated reads of a name already reported allocate nothing.</remarks>
    public void Report(string? name, IReadOnlyList<CompiledFlag> known)
    {
        if (name is null)
        {
            ReportDefaultKey();
            return;
        }

        var remembered = name.Length <= MaxRememberedLength ? name : name[..MaxRememberedLength];
        if (!_reported.TryGetValue(remembered, out var hint))
        {
            if (_reported.Count >= MaxRemembered)
            {
                ReportLimit();
                hint = string.Empty;
            }
            else
            {
                hint = NameSuggestions.Hint(name, known.Select(f => f.Name));
                if (_reported.TryAdd(remembered, hint) && !_throw)
                {
                    FlagLog.UnknownFlag(_logger, FlagRules.Shorten(name), hint);
                }
            }
        }

        if (_throw)
        {
            throw Unknown(name, hint);
        }
    }

    private void ReportDefaultKey()
    {
        const string Name = "default(FlagKey)";
        if (_throw)
        {
            throw new KeyNotFoundException("A default FlagKey names no flag: create keys with new FlagKey(name) or use the generated ones.");
        }

        if (_reported.TryAdd(Name, string.Empty))
        {
            FlagLog.UnknownFlag(_logger, Name, " (a default FlagKey names no flag: create keys with new FlagKey(name))");
        }
    }

    private void ReportLimit()
    {
        if (Interlocked.Exchange(ref _limitReported, 1) == 0)
        {
            FlagLog.UnknownFlagsLimitReached(_logger, MaxRemembered);
        }
    }

    private static KeyNotFoundException Unknown(string name, string hint) =>
        new($"The flag {FlagRules.Quote(name)} is neither declared in a catalog nor configured{hint}.");
}
