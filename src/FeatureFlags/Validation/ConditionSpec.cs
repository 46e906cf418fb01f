// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>One validated condition of a rule: an attribute, an operator, and its value parsed for that operator. Immutable.</summary>
internal sealed class ConditionSpec
{
    public ConditionSpec(string attribute, ConditionOperator op, string[] texts, double number, SemanticVersion version, DateTimeOffset instant, bool caseSensitive)
    {
        Attribute = attribute;
        Operator = op;
        Texts = texts;
        Number = number;
        Version = version;
        Instant = instant;
        CaseSensitive = caseSensitive;
    }

    public string Attribute { get; }

    public ConditionOperator Operator { get; }

    /// <summary>The list (<c>In</c>, <c>NotIn</c>), or the one value of a text operator or the pattern of <c>Matches</c>.</summary>
    public string[] Texts { get; }

    public double Number { get; }

    public SemanticVersion Version { get; }

    public DateTimeOffset Instant { get; }

    /// <summary>Whether text operators compare case-sensitively; they ignore case unless configuration says so.</summary>
    public bool CaseSensitive { get; }
}
