using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// Microsoft.FeatureManagement's targeting audience, evaluated in that library's order and with its comparisons, so that
/// a flag read from its schema gives every user the answer it gave there: exclusions, then users, then the context's
/// groups in the context's order (each listed group admits its rollout of its members), then the default rollout. Names
/// compare ordinally, as that library compares them by default. Immutable.
/// </summary>
internal sealed class CompiledFeatureManagementAudience
{
    private readonly HashSet<string> _users;
    private readonly HashSet<string> _excludedUsers;
    private readonly HashSet<string> _excludedGroups;
    private readonly GroupRolloutSpec[] _groups;
    private readonly double _defaultRollout;

    // The buckets of the users met recently: hashing with SHA-256 is most of a read's cost.
    private readonly FeatureManagementBucketCache _buckets;

    public CompiledFeatureManagementAudience(FeatureManagementTargetingSpec spec)
    {
        _users = new HashSet<string>(spec.Users, StringComparer.Ordinal);
        _excludedUsers = new HashSet<string>(spec.ExcludedUsers, StringComparer.Ordinal);
        _excludedGroups = new HashSet<string>(spec.ExcludedGroups, StringComparer.Ordinal);
        _groups = spec.Groups;
        _defaultRollout = spec.DefaultRollout;
        _buckets = new FeatureManagementBucketCache(spec.Flag);
    }

    public bool Evaluate(EvaluationContext context, out EvaluationReason reason)
    {
        var key = context.Key;
        var groups = context.GroupArray;
        if ((key is not null && _excludedUsers.Contains(key)) || ContainsAny(_excludedGroups, groups))
        {
            reason = EvaluationReason.Excluded;
            return false;
        }

        if (key is not null && _users.Contains(key))
        {
            reason = EvaluationReason.TargetedUser;
            return true;
        }

        foreach (var group in groups)
        {
            // The first listed group of that name decides for it; the next of the context's groups may still admit.
            foreach (var listed in _groups)
            {
                if (string.Equals(listed.Name, group, StringComparison.Ordinal))
                {
                    if (_buckets.IsIn(listed.Rollout, context, group))
                    {
                        reason = EvaluationReason.TargetedGroup;
                        return true;
                    }

                    break;
                }
            }
        }

        reason = EvaluationReason.Rollout;
        return _buckets.IsIn(_defaultRollout, context, null);
    }

    /// <summary>Whether <paramref name="set"/> holds one of <paramref name="names"/>; a loop, so that a read allocates no delegate.</summary>
    public static bool ContainsAny(HashSet<string> set, string[] names)
    {
        if (set.Count == 0)
        {
            return false;
        }

        foreach (var name in names)
        {
            if (set.Contains(name))
            {
                return true;
            }
        }

        return false;
    }
}
