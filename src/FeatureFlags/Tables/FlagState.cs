namespace FeatureFlags.Tables;

/// <summary>
/// What a flag table knows about a flag id without looking at the flag, one byte per id: the read path
/// answers static flags (most of them) from this byte alone. The default, 0, means the table has no such flag.
/// </summary>
internal static class FlagState
{
    /// <summary>The table has no flag with this id.</summary>
    public const byte Unknown = 0;

    /// <summary>The value depends on the context: evaluate the compiled flag.</summary>
    public const byte Dynamic = 1;

    /// <summary>Off for every context. Static values are the only ones at or above this.</summary>
    public const byte StaticFalse = 2;

    /// <summary>On for every context.</summary>
    public const byte StaticTrue = 3;
}
