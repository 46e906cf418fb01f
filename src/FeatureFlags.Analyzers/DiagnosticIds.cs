namespace FeatureFlags.Analyzers;

/// <summary>
/// The ids of the FeatureFlags build-time rules. They are stable: .editorconfig files, suppressions and
/// code fixes refer to them. Each rule has a help page at <c>docs/rules/&lt;id&gt;.md</c>.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>FF0001: the flag is past its <c>Expires</c> date (declaration and every use).</summary>
    public const string ExpiredFlag = "FF0001";

    /// <summary>FF0002: the flag expires within the warning window.</summary>
    public const string ExpiringFlag = "FF0002";

    /// <summary>FF0003: a release or experiment flag has no <c>Expires</c>.</summary>
    public const string MissingExpires = "FF0003";

    /// <summary>FF0004: <c>Expires</c> is not a <c>yyyy-MM-dd</c> date.</summary>
    public const string InvalidExpires = "FF0004";

    /// <summary>FF0005: a string passed where a flag name is expected names no declared flag.</summary>
    public const string UnknownFlagName = "FF0005";

    /// <summary>FF0006: an <c>appsettings*.json</c> file names an undeclared flag or gives a flag a value of the wrong shape.</summary>
    public const string InvalidAppSettings = "FF0006";

    /// <summary>FF0007: two declarations share one flag name.</summary>
    public const string DuplicateFlagName = "FF0007";

    /// <summary>FF0008: an MSBuild property the rules read (<c>FeatureFlagsToday</c>, <c>FeatureFlagsExpiryWarningDays</c>) has an invalid value.</summary>
    public const string InvalidBuildProperty = "FF0008";

    /// <summary>The category of every FeatureFlags rule.</summary>
    public const string Category = "FeatureFlags";

    /// <summary>The diagnostic property FF0001 and FF0002 carry the flag's name in, for the removal code fix.</summary>
    public const string FlagNameProperty = "FlagName";

    /// <summary>The properties of a diagnostic about the flag <paramref name="name"/>.</summary>
    public static System.Collections.Immutable.ImmutableDictionary<string, string?> FlagProperties(string name) =>
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(FlagNameProperty, name);

    /// <summary>Where the help pages live; <see cref="HelpLink"/> appends <c>&lt;id&gt;.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/featureflags-dotnet/FeatureFlags/blob/main/docs/rules/";

    /// <summary>The help page of a rule.</summary>
    /// <param name="id">A rule id such as <see cref="ExpiredFlag"/>.</param>
    /// <returns>The address of the rule's page under <c>docs/rules</c>.</returns>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
