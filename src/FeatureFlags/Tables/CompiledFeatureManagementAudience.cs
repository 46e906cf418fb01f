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
    private readonly NameSet _users;
    private readonly NameSet _excludedUsers;
    private readonly NameSet _excludedGroups;
    private readonly GroupRolloutSpec[] _groups;
    private readonly double _defaultRollout;

    // The buckets of the users met recently: hashing with SHA-256 is most of a read's cost.
    private readonly FeatureManagementBucketCache _buckets;

    public CompiledFeatureManagementAudience(FeatureManagementTargetingSpec spec)
    {
        _users = new NameSet(spec.Users, caseSensitive: true);
        _excludedUsers = new NameSet(spec.ExcludedUsers, caseSensitive: true);
        _excludedGroups = new NameSet(spec.ExcludedGroups, caseSensitive: true);
        _groups = spec.Groups;
        _defaultRollout = spec.DefaultRollout;
        _buckets = new FeatureManagementBucketCache(spec.Flag);
    }

    public bool Evaluate(EvaluationContext context, out EvaluationReason reason)
    {
        if (_excludedUsers.ContainsKeyOf(context) || _excludedGroups.ContainsAnyGroupOf(context))
        {
            reason = EvaluationReason.Excluded;
            return false;
        }

        if (_users.ContainsKeyOf(context))
        {
            reason = EvaluationReason.TargetedUser;
            return true;
        }

        var groups = context.GroupArray;
        for (var i = 0; i < groups.Length; i++)
        {
            // The first listed group of that name decides for it; the next of the context's groups may still admit.
            foreach (var listed in _groups)
            {
                if (string.Equals(listed.Name, groups[i], StringComparison.Ordinal))
                {
                    if (_buckets.IsIn(listed.Rollout, context, i))
                    {
                        reason = EvaluationReason.TargetedGroup;
                        return true;
                    }

                    break;
                }
            }
        }

        reason = EvaluationReason.Rollout;
        return _buckets.IsIn(_defaultRollout, context);
    }
}
