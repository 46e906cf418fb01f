// Shared with the analyzers (netstandard2.0): keep to APIs that exist there. The one parser of
// Expires: the runtime catalog and the build-time rules (FF0001-FF0004) accept exactly the same text.
using System.Globalization;

namespace FeatureFlags.Validation;

/// <summary>Parses the ISO calendar dates (<c>yyyy-MM-dd</c>) that flags and MSBuild properties use.</summary>
internal static class IsoDate
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>
    /// Parses exactly ten characters <c>yyyy-MM-dd</c> of a real calendar date; no whitespace, no time,
    /// no other separators, so "2027-3-1" and "2027-02-30" are rejected.
    /// </summary>
    public static bool TryParse(string? text, out DateTime date)
    {
        date = default;
        if (text == null || text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            {
                return false;
            }
        }

        return DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>.</summary>
    public static string ToText(DateTime date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
