using FeatureFlags.Validation;

namespace FeatureFlags;

/// <summary>
/// The metadata of one declared flag: its name, kind, expiry and ownership. Immutable and thread-safe.
/// </summary>
public sealed class FlagDefinition
{
    /// <summary>Creates the metadata of a flag.</summary>
    /// <param name="name">The flag's name in configuration: letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.</param>
    /// <param name="kind">The flag's category.</param>
    /// <param name="expires">The last day the flag may exist; required in spirit for release and experiment flags.</param>
    /// <param name="owner">The team or person answerable for the flag.</param>
    /// <param name="description">What the flag turns on.</param>
    /// <param name="removalIssue">A link to the task that removes the flag.</param>
    /// <param name="defaultValue">The value used when configuration says nothing about the flag.</param>
    /// <param name="variantType">The type an experiment's variant values bind to; <see langword="null"/> to keep them as configuration sections.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or has characters a flag name may not have.</exception>
    public FlagDefinition(
        string name,
        FlagKind kind,
        DateOnly? expires = null,
        string? owner = null,
        string? description = null,
        string? removalIssue = null,
        bool defaultValue = false,
        FlagVariantType? variantType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!FlagRules.IsValidFlagName(name))
        {
            throw new ArgumentException(FlagRules.InvalidNameMessage(name), nameof(name));
        }

        Name = name;
        Kind = kind;
        Expires = expires;
        Owner = owner;
        Description = description;
        RemovalIssue = removalIssue;
        DefaultValue = defaultValue;
        VariantType = variantType;
    }

    /// <summary>Gets the flag's name in configuration.</summary>
    public string Name { get; }

    /// <summary>Gets the flag's category.</summary>
    public FlagKind Kind { get; }

    /// <summary>Gets the last day the flag may exist, or <see langword="null"/> when it has no expiry.</summary>
    public DateOnly? Expires { get; }

    /// <summary>Gets the team or person answerable for the flag.</summary>
    public string? Owner { get; }

    /// <summary>Gets what the flag turns on.</summary>
    public string? Description { get; }

    /// <summary>Gets a link to the task that removes the flag.</summary>
    public string? RemovalIssue { get; }

    /// <summary>Gets the value used when configuration says nothing about the flag.</summary>
    public bool DefaultValue { get; }

    /// <summary>Gets the type the flag's variant values bind to, or <see langword="null"/> when it declares none.</summary>
    public FlagVariantType? VariantType { get; }

    /// <summary>Gets whether the flag is meant to be removed: release and experiment flags are.</summary>
    public bool IsTemporary => Kind is FlagKind.Release or FlagKind.Experiment;

    /// <summary>Gets whether the flag is past its expiry date on <paramref name="today"/>.</summary>
    /// <param name="today">The current date.</param>
    /// <returns><see langword="true"/> when <see cref="Expires"/> is set and earlier than <paramref name="today"/>.</returns>
    public bool IsExpiredOn(DateOnly today) => Expires is { } expires && expires < today;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind})";
}
