// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>Where each property of a flag object was read: the key that set it, in whichever source won.</summary>
internal sealed class FlagSpecOrigins
{
    public static readonly FlagSpecOrigins None = new(null, null, null, null, null);

    public FlagSpecOrigins(FlagOrigin? enabled, FlagOrigin? users, FlagOrigin? groups, FlagOrigin? rollout, FlagOrigin? segments, FlagOrigin? schedule = null, FlagOrigin? requires = null)
    {
        Schedule = schedule;
        Requires = requires;
        Enabled = enabled;
        Users = users;
        Groups = groups;
        Rollout = rollout;
        Segments = segments;
    }

    /// <summary>The key of the flag's <c>Schedule</c>.</summary>
    public FlagOrigin? Schedule { get; }

    /// <summary>The key of the flag's <c>Requires</c>.</summary>
    public FlagOrigin? Requires { get; }

    /// <summary>The key of the flag's <c>Segments</c> list.</summary>
    public FlagOrigin? Segments { get; }

    /// <summary>The key of <c>Enabled</c>, or of a plain value that later properties turned into it.</summary>
    public FlagOrigin? Enabled { get; }

    public FlagOrigin? Users { get; }

    public FlagOrigin? Groups { get; }

    public FlagOrigin? Rollout { get; }
}
