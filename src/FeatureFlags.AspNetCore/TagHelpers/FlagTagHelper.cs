using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FeatureFlags.AspNetCore.TagHelpers;

/// <summary>
/// <c>&lt;flag name="X"&gt;…&lt;/flag&gt;</c> renders its content only while flag X is on for the
/// request; <c>negate</c> inverts that, <c>variant="blue"</c> also requires the variant served. The
/// <c>flag</c> element itself is never rendered.
/// </summary>
/// <remarks>
/// Reads the request's one snapshot, so a page agrees with the gates and endpoints of the same request.
/// Import with <c>@addTagHelper *, FeatureFlags.AspNetCore</c>.
/// </remarks>
/// <example>
/// <code>
/// &lt;flag name="CheckoutButton" variant="green"&gt;&lt;button class="green"&gt;Buy&lt;/button&gt;&lt;/flag&gt;
/// &lt;flag name="Recommendations" negate&gt;Recommendations are resting.&lt;/flag&gt;
/// </code>
/// </example>
[HtmlTargetElement("flag", Attributes = "name")]
public sealed class FlagTagHelper : TagHelper
{
    private readonly IFlagSnapshot _snapshot;

    /// <summary>Creates the tag helper; Razor resolves it per use with the request's snapshot.</summary>
    /// <param name="snapshot">The request's snapshot.</param>
    public FlagTagHelper(IFlagSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
    }

    /// <summary>Gets or sets the flag's name.</summary>
    [HtmlAttributeName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets whether the content shows while the flag is off instead.</summary>
    [HtmlAttributeName("negate")]
    public bool Negate { get; set; }

    /// <summary>Gets or sets the variant that must be served for the content to show.</summary>
    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        if (!FlagCondition.Shows(_snapshot, Name, Variant, Negate))
        {
            output.SuppressOutput();
        }
    }
}
