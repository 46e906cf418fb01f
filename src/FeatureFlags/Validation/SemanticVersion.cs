// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
using System.Globalization;

namespace FeatureFlags.Validation;

/// <summary>
/// A semantic version (<c>2.3.1</c>, <c>2.3.1-beta.2</c>, build metadata after <c>+</c> ignored), compared by the
/// semver.org rules: major, minor, patch, then a pre-release below its release. A missing minor or patch reads as 0
/// (<c>2.3</c> is <c>2.3.0</c>), and a leading <c>v</c> is allowed, as app stores and tags write them. Immutable.
/// </summary>
internal readonly struct SemanticVersion
{
    private SemanticVersion(int major, int minor, int patch, string? preRelease)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    /// <summary>The pre-release identifiers (<c>beta.2</c>), or null for a release.</summary>
    public string? PreRelease { get; }

    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        if (text == null)
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length > 0 && (s[0] == 'v' || s[0] == 'V'))
        {
            s = s.Substring(1);
        }

        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            s = s.Substring(0, plus);
        }

        string? preRelease = null;
        var dash = s.IndexOf('-');
        if (dash >= 0)
        {
            preRelease = s.Substring(dash + 1);
            s = s.Substring(0, dash);
            if (preRelease.Length == 0 || preRelease.Split('.').Any(part => part.Length == 0))
            {
                return false;
            }
        }

        var parts = s.Split('.');
        if (parts.Length == 0 || parts.Length > 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], preRelease);
        return true;
    }

    public int CompareTo(SemanticVersion other)
    {
        var result = Major.CompareTo(other.Major);
        if (result == 0)
        {
            result = Minor.CompareTo(other.Minor);
        }

        if (result == 0)
        {
            result = Patch.CompareTo(other.Patch);
        }

        return result != 0 ? result : ComparePreRelease(PreRelease, other.PreRelease);
    }

    private static int ComparePreRelease(string? left, string? right)
    {
        if (left == null || right == null)
        {
            // A release ranks above any of its pre-releases.
            return left == null ? (right == null ? 0 : 1) : -1;
        }

        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            int x, y;
            var aNumeric = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out x);
            var bNumeric = int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out y);
            var result = aNumeric && bNumeric ? x.CompareTo(y)
                : aNumeric ? -1
                : bNumeric ? 1
                : string.CompareOrdinal(a[i], b[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
