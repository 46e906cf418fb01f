// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// Who is in an audience: users, groups, rules and other segments, any of which admits a context. A segment's whole
/// definition, and a flag's <c>Exclude</c>. Immutable.
/// </summary>
internal sealed class AudienceSpec
{
    public static readonly AudienceSpec Nobody = new(null, null, new RuleSpec[0], new string[0], null);

    public AudienceSpec(string[]? users, string[]? groups, RuleSpec[] rules, string[] segments, FlagOrigin? origin)
    {
        Users = users;
        Groups = groups;
        Rules = rules;
        Segments = segments;
        Origin = origin;
    }

    public string[]? Users { get; }

    public string[]? Groups { get; }

    public RuleSpec[] Rules { get; }

    /// <summary>The segments it includes, by name; checked to exist, and to form no cycle, once all are read.</summary>
    public string[] Segments { get; }

    public FlagOrigin? Origin { get; }
}
