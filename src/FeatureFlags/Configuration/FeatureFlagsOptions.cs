using FeatureFlags.Validation;

namespace FeatureFlags;

/// <summary>Options of the flag runtime, set through <c>AddFeatureFlags(configuration, options =&gt; …)</c>.</summary>
public sealed class FeatureFlagsOptions
{
    /// <summary>Gets or sets the configuration section that holds the flags. Defaults to <c>FeatureFlags</c>.</summary>
    public string SectionName { get; set; } = FlagRules.DefaultSectionName;

    /// <summary>
    /// Gets or sets the configuration section that holds the segments: named audiences (users, groups, rules) that flags
    /// name in their <c>Segments</c> and <c>Exclude</c>. Defaults to <c>FeatureFlagSegments</c>.
    /// </summary>
    public string SegmentsSectionName { get; set; } = FlagRules.DefaultSegmentsSectionName;

    /// <summary>
    /// Gets or sets whether reading a flag that no catalog declares and no configuration mentions throws
    /// <see cref="KeyNotFoundException"/> instead of reading <see langword="false"/> with a warning.
    /// Off by default; turn it on in development and tests to catch typos early.
    /// </summary>
    public bool ThrowOnUnknownFlags { get; set; }

    /// <summary>
    /// Gets or sets whether configuration naming a flag that no registered catalog declares is an error
    /// (start-up fails, a reload is rejected) instead of a warning. Off by default. Only applies once at
    /// least one catalog is registered.
    /// </summary>
    public bool TreatUndeclaredFlagsAsErrors { get; set; }

    /// <summary>
    /// Gets or sets whether <c>feature_flag.evaluation</c> events carry <c>feature_flag.context.id</c>, the evaluation
    /// context's key. Off by default: the key is usually a user id, personal data that traces should not carry unless
    /// the application decides they may. Metrics never carry it.
    /// </summary>
    public bool IncludeContextKeyInTelemetry { get; set; }

    /// <summary>
    /// Gets or sets whether Microsoft.FeatureManagement's flags are read too, beside <see cref="SectionName"/>: its .NET
    /// schema (section <c>FeatureManagement</c>) and its Microsoft Feature Management schema
    /// (<c>feature_management:feature_flags</c>), answering as that library does. <c>AddMicrosoftFeatureManagementFlags()</c>
    /// sets it; set it yourself where options are passed directly, such as <c>TestFlags.FromEnvironment</c> and
    /// <c>FlagMatrix.For</c>. Off by default.
    /// </summary>
    public bool ReadMicrosoftFeatureManagementFlags { get; set; }
}
