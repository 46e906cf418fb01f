using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FeatureFlags.Tables;

/// <summary>
/// A short fingerprint of a user allow-list for the change log: it shows that the list changed without
/// naming anybody. Keyed with a random per-process secret, so that nobody who reads the log can test
/// guesses against it offline (an unkeyed hash of one id falls to a dictionary of likely ids in
/// milliseconds). Fingerprints are therefore comparable within one process only, which is all the log needs.
/// </summary>
internal static class UserListFingerprint
{
    private static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);

    public static string Of(string[] users) => Of(users, ProcessKey);

    /// <summary>The fingerprint under a given key; ids compare ignoring case and order, as the allow-list does.</summary>
    internal static string Of(string[] users, byte[] key)
    {
        var joined = string.Join("\n", users.Select(u => u.ToUpperInvariant()).Order(StringComparer.Ordinal));
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(joined));
        return Convert.ToHexString(hash, 0, 8).ToLower(CultureInfo.InvariantCulture);
    }
}
