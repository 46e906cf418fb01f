using System.Globalization;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Model;

/// <summary>
/// The MSBuild properties the rules read (exposed to the compiler as <c>build_property.*</c>):
/// the date that counts as today, the expiry warning window, and the configuration section of the flags.
/// </summary>
internal sealed class BuildSettings
{
    public const string TodayProperty = "FeatureFlagsToday";
    public const string WarningDaysProperty = "FeatureFlagsExpiryWarningDays";
    public const string SectionProperty = "FeatureFlagsSectionName";
    public const int DefaultWarningDays = 14;

    private BuildSettings(DateTime today, int warningDays, string[] sectionPath, IReadOnlyList<string[]> problems)
    {
        Today = today;
        WarningDays = warningDays;
        SectionPath = sectionPath;
        Problems = problems;
    }

    /// <summary>The UTC date of the build, or the date <c>FeatureFlagsToday</c> pins.</summary>
    public DateTime Today { get; }

    /// <summary>FF0002 reports flags whose expiry is at most this many days after <see cref="Today"/>.</summary>
    public int WarningDays { get; }

    /// <summary>
    /// The segments of the configuration section FF0006 checks, <c>FeatureFlags</c> unless <c>FeatureFlagsSectionName</c>
    /// names the section the application gives <c>FeatureFlagsOptions.SectionName</c> (such as <c>App:Flags</c>).
    /// </summary>
    public string[] SectionPath { get; }

    /// <summary>Invalid property values: property name, value, and what is expected.</summary>
    public IReadOnlyList<string[]> Problems { get; }

    public string TodayText => IsoDate.ToText(Today);

    public static BuildSettings Read(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var problems = new List<string[]>();

        // Reading the clock is the point of this rule; FeatureFlagsToday makes builds reproducible.
        var today = DateTime.UtcNow.Date;
        if (global.TryGetValue("build_property." + TodayProperty, out var todayText) && !string.IsNullOrWhiteSpace(todayText))
        {
            if (IsoDate.TryParse(todayText.Trim(), out var pinned))
            {
                today = pinned;
            }
            else
            {
                problems.Add(new[] { TodayProperty, todayText, "use a yyyy-MM-dd date such as 2027-01-31; the build's UTC date is used instead" });
            }
        }

        var warningDays = DefaultWarningDays;
        if (global.TryGetValue("build_property." + WarningDaysProperty, out var daysText) && !string.IsNullOrWhiteSpace(daysText))
        {
            if (int.TryParse(daysText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650)
            {
                warningDays = days;
            }
            else
            {
                problems.Add(new[] { WarningDaysProperty, daysText, "use a whole number of days from 0 to 3650; the default of 14 is used instead" });
            }
        }

        var sectionPath = new[] { FlagRules.DefaultSectionName };
        if (global.TryGetValue("build_property." + SectionProperty, out var sectionText) && !string.IsNullOrWhiteSpace(sectionText))
        {
            var segments = sectionText.Trim().Split(':');
            if (Array.TrueForAll(segments, segment => segment.Length > 0 && segment.Trim().Length == segment.Length))
            {
                sectionPath = segments;
            }
            else
            {
                problems.Add(new[] { SectionProperty, sectionText, "use a configuration path such as Flags or App:Flags, with no empty segment; FeatureFlags is checked instead" });
            }
        }

        return new BuildSettings(today, warningDays, sectionPath, problems);
    }

    public bool IsExpired(FlagDeclaration flag) => flag.Expires is { } expires && expires < Today;

    /// <summary>Days left before expiry when the flag is not expired but within the window; otherwise null.</summary>
    public int? DaysLeftInWindow(FlagDeclaration flag)
    {
        if (flag.Expires is not { } expires || expires < Today)
        {
            return null;
        }

        var days = (int)(expires - Today).TotalDays;
        return days <= WarningDays ? days : (int?)null;
    }
}
