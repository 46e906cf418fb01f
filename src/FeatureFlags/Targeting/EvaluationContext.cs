using System.Text;

namespace FeatureFlags;

/// <summary>
/// Who a flag is evaluated for: a key (usually a user id) for allow-lists and sticky bucketing, and
/// the groups the key belongs to. Immutable and thread-safe.
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

    /// <summary>Creates a context.</summary>
    /// <param name="key">The stable identity that targeting and bucketing use, such as a user id; <see langword="null"/> for anonymous.</param>
    /// <param name="groups">The groups the key belongs to, such as roles or tenants.</param>
    public EvaluationContext(string? key, IEnumerable<string>? groups = null)
    {
        Key = key;
        _groups = groups?.Where(g => !string.IsNullOrEmpty(g)).ToArray() ?? [];
        Groups = Array.AsReadOnly(_groups);

        // Encoded once here so that bucketing on the read path neither encodes nor allocates.
        KeyUtf8 = key is null ? [] : Encoding.UTF8.GetBytes(key);
    }

    /// <summary>Gets the stable identity that targeting and bucketing use, or <see langword="null"/> when anonymous.</summary>
    public string? Key { get; }

    /// <summary>Gets the groups the key belongs to.</summary>
    public IReadOnlyList<string> Groups { get; }

    internal byte[] KeyUtf8 { get; }

    internal string[] GroupArray => _groups;

    /// <inheritdoc />
    public override string ToString() =>
        _groups.Length == 0 ? $"Key={Key ?? "(anonymous)"}" : $"Key={Key ?? "(anonymous)"}, Groups=[{string.Join(", ", _groups)}]";
}
