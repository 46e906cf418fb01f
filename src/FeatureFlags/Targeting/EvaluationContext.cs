using System.Diagnostics.CodeAnalysis;
using System.Text;
using FeatureFlags.Targeting;

namespace FeatureFlags;

/// <summary>
/// Who a flag is evaluated for: a key (usually a user id) for allow-lists and sticky bucketing, the groups the key
/// belongs to, and named attributes for rules (country, plan, app version, …). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// A context without a key is anonymous: user allow-lists never match it, and every anonymous
/// context falls into the same rollout and variant bucket (that of the empty key).
/// </remarks>
public sealed class EvaluationContext
{
    /// <summary>The anonymous context: no key, no groups.</summary>
    public static readonly EvaluationContext Empty = new(null);

    private readonly string[] _groups;
    private readonly ContextAttribute[] _attributes;
    private readonly int[] _groupHashes;

    /// <summary>Creates a context.</summary>
    /// <param name="key">The stable identity that targeting and bucketing use, such as a user id; <see langword="null"/> for anonymous.</param>
    /// <param name="groups">The groups the key belongs to, such as roles or tenants.</param>
    [SuppressMessage("ApiDesign", "RS0027:Public API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "Nothing has shipped yet; the short form is the common one, and the attributes overload takes params, which cannot follow an optional parameter.")]
    public EvaluationContext(string? key, IEnumerable<string>? groups = null)
        : this(key, groups, [])
    {
    }

    /// <summary>Creates a context with attributes for rules: <c>new(userId, groups, new("country", "NL"), new("plan", "pro"))</c>.</summary>
    /// <param name="key">The stable identity that targeting and bucketing use, such as a user id; <see langword="null"/> for anonymous.</param>
    /// <param name="groups">The groups the key belongs to, such as roles or tenants; <see langword="null"/> for none.</param>
    /// <param name="attributes">The attributes, each parsed once as it was made; a later attribute of the same name wins.</param>
    /// <remarks>The attributes are copied into one array: with the context itself, the only allocations they cost.</remarks>
    public EvaluationContext(string? key, IEnumerable<string>? groups, params ReadOnlySpan<ContextAttribute> attributes)
    {
        _attributes = attributes.Length == 0 ? [] : attributes.ToArray();
        Key = key;
        _groups = groups?.Where(g => !string.IsNullOrEmpty(g)).ToArray() ?? [];
        Groups = Array.AsReadOnly(_groups);

        // Encoded and hashed once here so that bucketing and allow-lists on the read path neither encode, hash nor allocate.
        KeyUtf8 = key is null ? [] : Encoding.UTF8.GetBytes(key);
        KeyHash = key is null ? 0 : NameSet.Hash(key);
        _groupHashes = _groups.Length == 0 ? [] : Array.ConvertAll(_groups, NameSet.Hash);
    }

    /// <summary>Gets the stable identity that targeting and bucketing use, or <see langword="null"/> when anonymous.</summary>
    public string? Key { get; }

    /// <summary>Gets the groups the key belongs to.</summary>
    public IReadOnlyList<string> Groups { get; }

    internal byte[] KeyUtf8 { get; }

    internal string[] GroupArray => _groups;

    /// <summary>The <see cref="NameSet.Hash"/> of each group, in <see cref="GroupArray"/>'s order.</summary>
    internal int[] GroupHashes => _groupHashes;

    internal int KeyHash { get; }

    internal ContextAttribute[] AttributeArray => _attributes;

    /// <summary>The position of the attribute named <paramref name="name"/> (with <paramref name="nameHash"/>), the last one given; -1 when absent.</summary>
    internal int IndexOfAttribute(string name, int nameHash)
    {
        var attributes = _attributes;
        for (var i = attributes.Length - 1; i >= 0; i--)
        {
            if (attributes[i].NameHash == nameHash && string.Equals(attributes[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets the attributes, in the order given.</summary>
    public IReadOnlyList<ContextAttribute> Attributes => _attributes;

    /// <summary>Finds an attribute by name, ignoring case; the last one given wins. A lookup without allocation.</summary>
    /// <param name="name">The attribute's name.</param>
    /// <param name="attribute">The attribute, when found.</param>
    /// <returns>Whether the context has the attribute.</returns>
    public bool TryGetAttribute(string name, out ContextAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = _attributes.Length == 0 ? -1 : IndexOfAttribute(name, NameSet.Hash(name));
        attribute = index < 0 ? default : _attributes[index];
        return index >= 0;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = $"Key={Key ?? "(anonymous)"}";
        if (_groups.Length > 0)
        {
            text += $", Groups=[{string.Join(", ", _groups)}]";
        }

        return _attributes.Length == 0 ? text : text + $", Attributes=[{string.Join(", ", _attributes)}]";
    }
}
