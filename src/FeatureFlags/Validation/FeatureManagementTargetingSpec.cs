// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// A flag's audience as Microsoft.FeatureManagement's targeting filter defines it, read from its configuration
/// schema: users, groups each with its own rollout, a default rollout for everyone else, and exclusions. Evaluated the
/// way that library evaluates it (ordinal names, SHA-256 buckets of the flag's name and the user), so that a user who
/// sees a feature today still sees it after the switch.
/// </summary>
internal sealed class FeatureManagementTargetingSpec
{
    public FeatureManagementTargetingSpec(
        string flag,
        string[] users,
        GroupRolloutSpec[] groups,
        double defaultRollout,
        string[] excludedUsers,
        string[] excludedGroups,
        FlagOrigin? origin)
    {
        Flag = flag;
        Users = users;
        Groups = groups;
        DefaultRollout = defaultRollout;
        ExcludedUsers = excludedUsers;
        ExcludedGroups = excludedGroups;
        Origin = origin;
    }

    /// <summary>The flag's name as configured: the library hashes it with the user, so its exact spelling matters.</summary>
    public string Flag { get; }

    public string[] Users { get; }

    public GroupRolloutSpec[] Groups { get; }

    /// <summary>The percentage, 0 to 100, of everyone not excluded, listed or in a listed group.</summary>
    public double DefaultRollout { get; }

    public string[] ExcludedUsers { get; }

    public string[] ExcludedGroups { get; }

    public FlagOrigin? Origin { get; }
}

/// <summary>A group of Microsoft.FeatureManagement's targeting audience, with the percentage of its members it admits.</summary>
internal sealed class GroupRolloutSpec
{
    public GroupRolloutSpec(string name, double rollout)
    {
        Name = name;
        Rollout = rollout;
    }

    public string Name { get; }

    /// <summary>0 to 100.</summary>
    public double Rollout { get; }
}
