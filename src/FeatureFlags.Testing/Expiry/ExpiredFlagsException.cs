using System.Globalization;
using System.Text;

namespace FeatureFlags.Testing;

/// <summary>
/// Thrown by <see cref="FlagAssert.NoneExpired(FlagCatalog, TimeProvider)"/> when declared flags are past
/// their expiry date. Every test framework reports it as a failed test; the message lists each flag
/// with its expiry, owner and removal link.
/// </summary>
public sealed class ExpiredFlagsException : Exception
{
    internal ExpiredFlagsException(FlagCatalog catalog, DateOnly today, IReadOnlyList<FlagDefinition> expiredFlags)
        : base(Describe(catalog, today, expiredFlags))
    {
        Today = today;
        ExpiredFlags = expiredFlags;
    }

    /// <summary>Gets the date, in UTC, the flags were checked against.</summary>
    public DateOnly Today { get; }

    /// <summary>Gets the expired flags, in declaration order.</summary>
    public IReadOnlyList<FlagDefinition> ExpiredFlags { get; }

    private static string Describe(FlagCatalog catalog, DateOnly today, IReadOnlyList<FlagDefinition> expired)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{expired.Count} {(expired.Count == 1 ? "flag" : "flags")} of {catalog.Name} past the expiry date (today is {today:yyyy-MM-dd} UTC):");
        foreach (var flag in expired)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  {flag.Name} ({flag.Kind}) expired {flag.Expires:yyyy-MM-dd}; owner: {flag.Owner ?? "none declared"}; removal: {flag.RemovalIssue ?? "no RemovalIssue declared"}");
        }

        text.AppendLine();
        text.Append("Remove each flag and the code it guards, or move its Expires date if the plan changed.");
        return text.ToString();
    }
}
