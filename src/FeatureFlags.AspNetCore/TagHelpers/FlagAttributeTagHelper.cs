using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FeatureFlags.AspNetCore.TagHelpers;

/// <summary>
/// The attribute form for any element: <c>&lt;a feature-flag="X"&gt;</c> renders the element only while
/// flag X is on; <c>feature-flag-negate</c> inverts that, <c>feature-flag-variant="blue"</c> also
/// requires the variant served. The attributes themselves are not rendered.
/// </summary>
/// <example><code>&lt;li feature-flag="BetaReports"&gt;&lt;a href="/reports"&gt;Reports&lt;/a&gt;&lt;/li&gt;</code></example>
[HtmlTargetElement("*", Attributes = FlagAttributeName)]
public sealed class FlagAttributeTagHelper : TagHelper
{
    private const string FlagAttributeName = "feature-flag";

    private readonly IFlagSnapshot _snapshot;

    /// <summary>Creates the tag helper; Razor resolves it per use with the request's snapshot.</summary>
    /// <param name="snapshot">The request's snapshot.</param>
    public FlagAttributeTagHelper(IFlagSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
    }

    /// <summary>Gets or sets the flag's name.</summary>
    [HtmlAttributeName(FlagAttributeName)]
    public string Flag { get; set; } = string.Empty;

    /// <summary>Gets or sets whether the element shows while the flag is off instead.</summary>
    [HtmlAttributeName("feature-flag-negate")]
    public bool Negate { get; set; }

    /// <summary>Gets or sets the variant that must be served for the element to show.</summary>
    [HtmlAttributeName("feature-flag-variant")]
    public string? Variant { get; set; }

    /// <summary>Gets the order: early, so that other tag helpers on a hidden element do no work.</summary>
    public override int Order => -1000;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!FlagCondition.Shows(_snapshot, Flag, Variant, Negate))
        {
            output.SuppressOutput();
        }
    }
}
