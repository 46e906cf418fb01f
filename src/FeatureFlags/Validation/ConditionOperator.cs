// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>How a rule compares a context attribute with its configured value. The names are the configuration's.</summary>
internal enum ConditionOperator
{
    /// <summary>The attribute's text is one of a list.</summary>
    In,

    /// <summary>The attribute is present and its text is none of a list.</summary>
    NotIn,

    /// <summary>The attribute's text equals a value.</summary>
    Equals,

    /// <summary>The attribute's text starts with a value.</summary>
    StartsWith,

    /// <summary>The attribute's text ends with a value.</summary>
    EndsWith,

    /// <summary>The attribute's text contains a value.</summary>
    Contains,

    /// <summary>The attribute's text matches a regular expression (non-backtracking, bounded).</summary>
    Matches,

    /// <summary>The attribute is a number below a value.</summary>
    LessThan,

    /// <summary>The attribute is a number at most a value.</summary>
    LessThanOrEqual,

    /// <summary>The attribute is a number above a value.</summary>
    GreaterThan,

    /// <summary>The attribute is a number at least a value.</summary>
    GreaterThanOrEqual,

    /// <summary>The attribute is a semantic version equal to a value.</summary>
    VersionEquals,

    /// <summary>The attribute is a semantic version below a value.</summary>
    VersionLessThan,

    /// <summary>The attribute is a semantic version at most a value.</summary>
    VersionLessThanOrEqual,

    /// <summary>The attribute is a semantic version above a value.</summary>
    VersionGreaterThan,

    /// <summary>The attribute is a semantic version at least a value.</summary>
    VersionGreaterThanOrEqual,

    /// <summary>The attribute is an instant before a value.</summary>
    Before,

    /// <summary>The attribute is an instant after a value.</summary>
    After,
}
