using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// Microsoft.FeatureManagement's variant allocation, evaluated as that library evaluates it: off, the default when
/// disabled; on, the first user allocation naming the context's key, then the first group allocation sharing one of its
/// groups, then the first percentile range its seeded bucket falls in (<c>from</c> inclusive, <c>to</c> exclusive, 100
/// inclusive), else the default when enabled. Names compare ordinally. Immutable.
/// </summary>
internal sealed class CompiledFeatureManagementAllocation
{
    private readonly int _whenEnabled;
    private readonly int _whenDisabled;
    private readonly (NameSet Users, int Variant)[] _users;
    private readonly (NameSet Groups, int Variant)[] _groups;
    private readonly (double From, double To, int Variant)[] _percentiles;
    private readonly bool?[] _overrides;

    // The seeded buckets of the users met recently: hashing with SHA-256 is most of a read's cost.
    private readonly FeatureManagementBucketCache? _buckets;

    public CompiledFeatureManagementAllocation(FeatureManagementAllocationSpec spec, string[] variants)
    {
        int IndexOf(string? name) => name is null ? -1 : Array.IndexOf(variants, name);
        _whenEnabled = IndexOf(spec.DefaultWhenEnabled);
        _whenDisabled = IndexOf(spec.DefaultWhenDisabled);
        _users = spec.Users.Select(u => (new NameSet(u.Value, caseSensitive: true), IndexOf(u.Key))).ToArray();
        _groups = spec.Groups.Select(g => (new NameSet(g.Value, caseSensitive: true), IndexOf(g.Key))).ToArray();
        _percentiles = spec.Percentiles.Select(p => (p.From, p.To, IndexOf(p.Variant))).ToArray();
        _overrides = spec.StatusOverrides;
        _buckets = _percentiles.Length > 0 ? new FeatureManagementBucketCache(spec.Seed) : null;
        OverridesStatus = Array.Exists(_overrides, o => o is not null);
    }

    /// <summary>Whether some variant turns the flag on or off when it is served.</summary>
    public bool OverridesStatus { get; }

    /// <summary>The index of the variant served to <paramref name="context"/>; -1 for none.</summary>
    /// <param name="context">Who the flag is read for.</param>
    /// <param name="enabled">Whether the flag's conditions hold, before any variant overrides them.</param>
    public int Assign(EvaluationContext context, bool enabled)
    {
        if (!enabled)
        {
            return _whenDisabled;
        }

        foreach (var (users, variant) in _users)
        {
            if (users.ContainsKeyOf(context))
            {
                return variant;
            }
        }

        foreach (var (groups, variant) in _groups)
        {
            if (groups.ContainsAnyGroupOf(context))
            {
                return variant;
            }
        }

        if (_buckets is not null)
        {
            var bucket = _buckets.PercentageOf(context);
            foreach (var (from, to, variant) in _percentiles)
            {
                if (FeatureManagementBucket.IsInRange(bucket, from, to))
                {
                    return variant;
                }
            }
        }

        return _whenEnabled;
    }

    /// <summary>The flag's value once the variant served has had its say: its status override, if it has one.</summary>
    public bool Apply(int variant, bool enabled) => variant >= 0 && _overrides[variant] is { } status ? status : enabled;
}
