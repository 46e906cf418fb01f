using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeatureFlags.Tables;

/// <summary>
/// Finds a flag's position in its table by name, ignoring case, in a few nanoseconds: an open-addressing table whose hash
/// reads only the length and the first, middle and last four characters (folded to lower case when ASCII), then
/// one comparison. Immutable after construction, so it is safe for any number of readers.
/// </summary>
/// <remarks>
/// Names with a registered id are interned when the index is built: a name passed as a string literal (a
/// catalog's <c>const</c>, or a literal at the call site) is then the very same instance, and the comparison
/// is a reference check. The registry is bounded (<see cref="FlagKeyRegistry"/>), and so is what this adds
/// to the intern pool; a name past the registry's limit is matched to a literal already interned, never
/// added to the pool, so reloads with ever new names leave nothing behind. Names whose sampled
/// characters are not ASCII cannot be hashed case-insensitively this cheaply; they go through an
/// ordinary ignore-case dictionary instead, so every name is still found whatever its script.
/// </remarks>
internal sealed class FlagNameIndex
{
    private const ulong NonAscii = 0xFF80_FF80_FF80_FF80;
    private const ulong LowerCase = 0x0020_0020_0020_0020;

    private readonly string?[] _names;
    private readonly int[] _ids;
    private readonly int _shift;
    private readonly IReadOnlyList<CompiledFlag> _flags;
    private readonly bool _hasNonAsciiNames;
    private Dictionary<string, int>? _fallback;

    /// <summary>Indexes <paramref name="flags"/>: <see cref="Find"/> answers a flag's position plus one.</summary>
    /// <param name="flags">The flags.</param>
    /// <param name="ids">Each flag's registered id, or 0 when it has none.</param>
    public FlagNameIndex(IReadOnlyList<CompiledFlag> flags, int[] ids)
    {
        // At most two-thirds full, so that a miss ends at an empty slot after a probe or two, and no bigger:
        // with thousands of flags, these arrays are large objects that only a full collection reclaims.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, flags.Count + (flags.Count / 2)));
        _names = new string?[capacity];
        _ids = new int[capacity];
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _flags = flags;
        for (var i = 0; i < flags.Count; i++)
        {
            var name = ids[i] != 0 ? string.Intern(flags[i].Name) : string.IsInterned(flags[i].Name) ?? flags[i].Name;
            if (!TryHash(name, out var hash))
            {
                _hasNonAsciiNames = true;
                continue;
            }

            var slot = (int)(hash >> _shift);
            while (_names[slot] is not null)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            _names[slot] = name;
            _ids[slot] = i + 1;
        }

        if (_hasNonAsciiNames)
        {
            _fallback = BuildFallback();
        }
    }

    /// <summary>Finds the position plus one of <paramref name="name"/>, ignoring case; 0 when the index has no such name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(string name)
    {
        if (TryHash(name, out var hash))
        {
            var names = _names;
            var mask = names.Length - 1;
            for (var slot = (int)(hash >> _shift); ; slot = (slot + 1) & mask)
            {
                var candidate = names[slot];
                if (candidate is null)
                {
                    break;
                }

                // Literals are the interned instance (a reference check); other callers mostly spell the
                // name as configured, and an exact comparison is cheaper than one ignoring case.
                if (ReferenceEquals(candidate, name) || string.Equals(candidate, name) || string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return _ids[slot];
                }
            }

            if (!_hasNonAsciiNames)
            {
                return 0;
            }
        }

        return FindSlow(name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FindSlow(string name)
    {
        var fallback = _fallback ?? LazyInitializer.EnsureInitialized(ref _fallback, BuildFallback);
        return fallback.GetValueOrDefault(name);
    }

    private Dictionary<string, int> BuildFallback()
    {
        var fallback = new Dictionary<string, int>(_flags.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _flags.Count; i++)
        {
            fallback[_flags[i].Name] = i + 1;
        }

        return fallback;
    }

    /// <summary>
    /// Hashes the length and the first, middle and last four characters, folded to lower case. Fails when one of
    /// those characters is not ASCII: folding other scripts takes tables, and the fallback handles them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryHash(string name, out ulong hash)
    {
        ref var start = ref MemoryMarshal.GetReference(name.AsSpan());
        var length = name.Length;
        ulong first;
        ulong last;
        ulong middle = 0;
        if (length >= 4)
        {
            first = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref start));
            last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref start, length - 4)));
            if (length > 8)
            {
                // Long names often share a prefix and a suffix ("Checkout.X.Enabled"): sample the middle too.
                middle = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref start, (length / 2) - 2))) | LowerCase;
            }
        }
        else
        {
            first = 0;
            for (var i = 0; i < length; i++)
            {
                first |= (ulong)Unsafe.Add(ref start, i) << (16 * i);
            }

            last = first;
        }

        if (((first | last | middle) & NonAscii) != 0)
        {
            hash = 0;
            return false;
        }

        // ASCII letters differ from their other case only in bit 5; setting it folds them together. The
        // last multiplication carries every input bit into the top bits, which pick the slot.
        hash = (((((first | LowerCase) * 0x9E37_79B9_7F4A_7C15UL) ^ middle) * 0x9E37_79B9_7F4A_7C15UL) ^ (last | LowerCase) ^ (ulong)length) * 0xC2B2_AE3D_27D4_EB4FUL;
        return true;
    }
}
