using FeatureFlags.Tables;

namespace FeatureFlags;

/// <summary>
/// A pre-resolved flag name: reading a flag through a key is an array index instead of a string lookup.
/// The source generator emits one static key per declared flag. Immutable and thread-safe.
/// </summary>
public readonly struct FlagKey : IEquatable<FlagKey>
{
    private readonly string? _name;

    /// <summary>Creates (or finds) the key of a flag name. Create keys once and keep them in static fields.</summary>
    /// <param name="name">The flag's name; compared ignoring case, as configuration does.</param>
    public FlagKey([FlagName] string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
        Id = FlagKeyRegistry.GetId(name);
    }

    /// <summary>Gets the flag's name.</summary>
    public string Name => _name ?? throw new InvalidOperationException("This FlagKey is default: create keys with new FlagKey(name).");

    internal int Id { get; }

    /// <summary>The name, or <see langword="null"/> for a default key: what the read path reports without throwing.</summary>
    internal string? NameOrNull => _name;

    /// <inheritdoc />
    public bool Equals(FlagKey other) => Id == other.Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FlagKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Id;

    /// <inheritdoc />
    public override string ToString() => _name ?? "(default)";

    /// <summary>Compares two keys.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when both name the same flag.</returns>
    public static bool operator ==(FlagKey left, FlagKey right) => left.Equals(right);

    /// <summary>Compares two keys.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when they name different flags.</returns>
    public static bool operator !=(FlagKey left, FlagKey right) => !left.Equals(right);
}
