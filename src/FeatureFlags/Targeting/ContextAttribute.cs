using System.Globalization;
using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags;

/// <summary>
/// One named attribute of an <see cref="EvaluationContext"/> (<c>country</c>, <c>plan</c>, <c>appVersion</c>), read by
/// rules. Its value is parsed once, when the attribute is made, into every form a rule may compare it in: text,
/// number, semantic version, instant; a read parses nothing and allocates nothing. Immutable.
/// </summary>
public readonly struct ContextAttribute
{
    private readonly long _instantTicks;
    private readonly SemanticVersion _version;
    private readonly byte _forms;
    private readonly int _nameHash;
    private readonly int _textHash;

    /// <summary>Creates a text attribute; text that reads as a number, a semantic version or an ISO 8601 date is also compared as one.</summary>
    /// <param name="name">The attribute's name, matched ignoring case.</param>
    /// <param name="value">The value, such as <c>NL</c>, <c>pro</c> or <c>2.3.1</c>.</param>
    public ContextAttribute(string name, string value)
        : this(name, value ?? throw new ArgumentNullException(nameof(value)), double.NaN, 0, default, 0)
    {
        if (FlagRules.TryParseNumber(value, out var number))
        {
            Number = number;
            _forms |= NumberForm;
        }

        if (SemanticVersion.TryParse(value, out var version))
        {
            _version = version;
            _forms |= VersionForm;
        }

        if (value.Length >= 10 && char.IsAsciiDigit(value[0]) && IsoTimestamp.TryParse(value, out var instant))
        {
            _instantTicks = instant.UtcTicks;
            _forms |= InstantForm;
        }
    }

    /// <summary>Creates a number attribute.</summary>
    /// <param name="name">The attribute's name, matched ignoring case.</param>
    /// <param name="value">The value; its text is the invariant culture's.</param>
    public ContextAttribute(string name, double value)
        : this(name, value.ToString(CultureInfo.InvariantCulture), value, 0, default, NumberForm)
    {
    }

    /// <summary>Creates a boolean attribute; rules compare its text, <c>true</c> or <c>false</c>.</summary>
    /// <param name="name">The attribute's name, matched ignoring case.</param>
    /// <param name="value">The value.</param>
    public ContextAttribute(string name, bool value)
        : this(name, value ? "true" : "false", double.NaN, 0, default, 0)
    {
    }

    /// <summary>Creates an instant attribute, compared by <c>Before</c> and <c>After</c>.</summary>
    /// <param name="name">The attribute's name, matched ignoring case.</param>
    /// <param name="value">The value; its text is ISO 8601 in UTC.</param>
    public ContextAttribute(string name, DateTimeOffset value)
        : this(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture), double.NaN, value.UtcTicks, default, InstantForm)
    {
    }

    // Every attribute is made here: its name and text hashed once, for look-ups and lists that compare hashes first.
    private ContextAttribute(string name, string text, double number, long instantTicks, SemanticVersion version, byte forms)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Text = text;
        Number = number;
        _nameHash = NameSet.Hash(name);
        _textHash = NameSet.Hash(text);
        _instantTicks = instantTicks;
        _version = version;
        _forms = forms;
    }

    /// <summary>Gets the attribute's name.</summary>
    public string Name { get; }

    /// <summary>Gets the value as text, as the text operators (<c>In</c>, <c>Equals</c>, <c>StartsWith</c>, …) compare it.</summary>
    public string Text { get; }

    /// <summary>Gets the value as a number, or <see cref="double.NaN"/> when it is not one.</summary>
    public double Number { get; }

    private const byte NumberForm = 1;
    private const byte VersionForm = 2;
    private const byte InstantForm = 4;

    internal bool IsNumber => (_forms & NumberForm) != 0;

    internal bool IsVersion => (_forms & VersionForm) != 0;

    internal bool IsInstant => (_forms & InstantForm) != 0;

    internal SemanticVersion Version => _version;

    internal long InstantTicks => _instantTicks;

    internal int NameHash => _nameHash;

    internal int TextHash => _textHash;

    /// <inheritdoc />
    public override string ToString() => Name + "=" + Text;
}
