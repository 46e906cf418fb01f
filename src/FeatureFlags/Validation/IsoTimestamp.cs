// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
using System.Globalization;

namespace FeatureFlags.Validation;

/// <summary>
/// The one ISO 8601 instant parser of configuration: a date (<c>2027-03-31</c>, midnight UTC) or a date and time with
/// <c>Z</c> or an offset (<c>2027-03-31T09:00:00+02:00</c>). A time without an offset is refused: which zone it meant
/// is a guess that would differ between machines.
/// </summary>
internal static class IsoTimestamp
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    };

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text == null)
        {
            return false;
        }

        var s = text.Trim();
        DateTime date;
        if (s.Length == 10 && IsoDate.TryParse(s, out date))
        {
            value = new DateTimeOffset(date, TimeSpan.Zero);
            return true;
        }

        var hasZone = s.EndsWith("Z", StringComparison.Ordinal) || (s.Length > 6 && (s[s.Length - 6] == '+' || s[s.Length - 6] == '-') && s[s.Length - 3] == ':');
        return hasZone && DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
