using System.Text.RegularExpressions;
using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// One condition compiled for evaluation: its operand parsed and its comparison chosen at load, so a read is an attribute
/// lookup and one comparison, without allocation. A context without the attribute, or whose attribute has no form the
/// operator compares (text that is not a number, for <c>GreaterThan</c>), never matches; <c>NotIn</c> included.
/// </summary>
internal sealed class CompiledCondition
{
    private readonly string _attribute;
    private readonly int _attributeHash;
    private readonly ConditionOperator _operator;
    private readonly NameSet? _list;
    private readonly string[] _texts;
    private readonly string _text;
    private readonly StringComparison _comparison;
    private readonly Regex? _pattern;
    private readonly double _number;
    private readonly SemanticVersion _version;
    private readonly long _instantTicks;

    public CompiledCondition(ConditionSpec spec)
    {
        _attribute = spec.Attribute;
        _attributeHash = NameSet.Hash(spec.Attribute);
        _operator = spec.Operator;
        _texts = spec.Texts;
        _text = spec.Texts.Length > 0 ? spec.Texts[0] : string.Empty;
        _comparison = spec.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _list = spec.Operator is ConditionOperator.In or ConditionOperator.NotIn && !spec.CaseSensitive ? new NameSet(spec.Texts) : null;
        _pattern = spec.Operator == ConditionOperator.Matches
            ? new Regex(_text, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (spec.CaseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase))
            : null;
        _number = spec.Number;
        _version = spec.Version;
        _instantTicks = spec.Instant.UtcTicks;
    }

    public bool Matches(EvaluationContext context)
    {
        var index = context.IndexOfAttribute(_attribute, _attributeHash);
        if (index < 0)
        {
            return false;
        }

        ref readonly var attribute = ref context.AttributeArray[index];
        return _operator switch
        {
            ConditionOperator.In => InList(attribute.Text, attribute.TextHash),
            ConditionOperator.NotIn => !InList(attribute.Text, attribute.TextHash),
            ConditionOperator.Equals => string.Equals(attribute.Text, _text, _comparison),
            ConditionOperator.StartsWith => attribute.Text.StartsWith(_text, _comparison),
            ConditionOperator.EndsWith => attribute.Text.EndsWith(_text, _comparison),
            ConditionOperator.Contains => attribute.Text.Contains(_text, _comparison),
            ConditionOperator.Matches => attribute.Text.Length <= AudienceRules.MaxMatchInputLength && _pattern!.IsMatch(attribute.Text),
            ConditionOperator.LessThan => attribute.IsNumber && attribute.Number < _number,
            ConditionOperator.LessThanOrEqual => attribute.IsNumber && attribute.Number <= _number,
            ConditionOperator.GreaterThan => attribute.IsNumber && attribute.Number > _number,
            ConditionOperator.GreaterThanOrEqual => attribute.IsNumber && attribute.Number >= _number,
            ConditionOperator.VersionEquals => attribute.IsVersion && attribute.Version.CompareTo(_version) == 0,
            ConditionOperator.VersionLessThan => attribute.IsVersion && attribute.Version.CompareTo(_version) < 0,
            ConditionOperator.VersionLessThanOrEqual => attribute.IsVersion && attribute.Version.CompareTo(_version) <= 0,
            ConditionOperator.VersionGreaterThan => attribute.IsVersion && attribute.Version.CompareTo(_version) > 0,
            ConditionOperator.VersionGreaterThanOrEqual => attribute.IsVersion && attribute.Version.CompareTo(_version) >= 0,
            ConditionOperator.Before => attribute.IsInstant && attribute.InstantTicks < _instantTicks,
            ConditionOperator.After => attribute.IsInstant && attribute.InstantTicks > _instantTicks,
            _ => false,
        };
    }

    private bool InList(string text, int hash)
    {
        if (_list is not null)
        {
            return _list.Contains(text, hash);
        }

        foreach (var item in _texts)
        {
            if (string.Equals(item, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
