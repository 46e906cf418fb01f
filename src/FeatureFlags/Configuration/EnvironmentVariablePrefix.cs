using System.Collections;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Configuration;

/// <summary>
/// Finds the prefix an environment-variables provider strips (<c>AddEnvironmentVariables("MYAPP_")</c>), so that a
/// flag's source names the variable as the environment spells it. The provider keeps its prefix private; the
/// environment and the provider's own keys tell it: a variable <c>MYAPP_FeatureFlags__X</c> read as
/// <c>FeatureFlags:X</c> with the same value, while the provider has no key <c>MYAPP_FeatureFlags:X</c>.
/// </summary>
internal static class EnvironmentVariablePrefix
{
    /// <summary>The prefix, or the empty string when none is found (the provider then most likely has none).</summary>
    public static string Find(IConfigurationProvider provider, string section)
    {
        var best = string.Empty;
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is not string name || variable.Value is not string value)
            {
                continue;
            }

            // The provider reads "__" as ":"; the prefix is stripped before that.
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            for (var at = key.IndexOf(section, StringComparison.OrdinalIgnoreCase); at >= 0; at = key.IndexOf(section, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                // Only a longer prefix improves on the one found: an unprefixed provider holds the prefixed variables
                // too, and the shorter reading is then the right one. A prefix holding "__" is not looked for.
                if (at > best.Length
                    && IsSectionKey(key, at + section.Length)
                    && string.CompareOrdinal(key, 0, name, 0, at) == 0
                    && provider.TryGet(key[at..], out var read) && read == value
                    && !provider.TryGet(key, out _))
                {
                    best = name[..at];
                }
            }
        }

        return best;
    }

    private static bool IsSectionKey(string key, int afterSection) => afterSection == key.Length || key[afterSection] == ':';
}
