using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// An audience compiled for evaluation: a segment, or a flag's exclusions. A context is in it when it is on the user
/// or group list, matches a rule (within the rule's rollout), or is in an included segment. Segments are compiled
/// first and linked afterwards, so each is compiled once however many flags name it.
/// </summary>
internal sealed class CompiledAudience
{
    private NameSet? _users;
    private NameSet? _groups;
    private CompiledRule[] _rules = [];
    private CompiledAudience[] _segments = [];

    public CompiledAudience(string name, FlagValueSource? origin)
    {
        Name = name;
        Origin = origin;
    }

    /// <summary>The segment's name, or <c>Exclude</c>.</summary>
    public string Name { get; }

    public FlagValueSource? Origin { get; }

    /// <summary>Fills the audience from its spec; <paramref name="segments"/> holds every segment, compiled or not yet filled.</summary>
    public void Fill(AudienceSpec spec, string owner, IReadOnlyDictionary<string, CompiledAudience> segments)
    {
        _users = spec.Users is { Length: > 0 } users ? new NameSet(users) : null;
        _groups = spec.Groups is { Length: > 0 } groups ? new NameSet(groups) : null;
        _rules = CompiledRule.All(spec.Rules, owner);
        _segments = spec.Segments.Select(s => segments[s]).ToArray();
    }

    /// <summary>Whether <paramref name="context"/> is in the audience. Validation has ruled out cycles, so this ends.</summary>
    public bool Contains(EvaluationContext context)
    {
        if ((_users is not null && _users.ContainsKeyOf(context)) || (_groups is not null && _groups.ContainsAnyGroupOf(context)))
        {
            return true;
        }

        foreach (var rule in _rules)
        {
            if (rule.Matches(context) && rule.InRollout(context))
            {
                return true;
            }
        }

        foreach (var segment in _segments)
        {
            if (segment.Contains(context))
            {
                return true;
            }
        }

        return false;
    }
}
