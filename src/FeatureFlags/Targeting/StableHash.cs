using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace FeatureFlags.Targeting;

/// <summary>
/// The documented, stable bucketing hash: MurmurHash3 x86 32-bit over UTF-8 bytes. Changing anything
/// here moves users between buckets in every deployed application; golden vectors in the tests pin it.
/// </summary>
/// <remarks>
/// For a flag named F (lower-cased invariantly, so that configuration spelling does not matter) and a
/// context key K: the rollout bucket is <c>Murmur3(UTF8(K), seed: Murmur3(UTF8("rollout:" + F), 0))</c>
/// and the variant bucket is <c>Murmur3(UTF8(K), seed: Murmur3(UTF8("variant:" + F), 0))</c>. A bucket is a
/// point in [0, 2^32); a rollout of p percent takes the buckets below round(p / 100 × 2^32).
/// </remarks>
internal static class StableHash
{
    public const ulong BucketSpace = 1UL << 32;

    public static uint RolloutSeed(string flagName) => Murmur3(Encoding.UTF8.GetBytes("rollout:" + flagName.ToLowerInvariant()), 0);

    public static uint VariantSeed(string flagName) => Murmur3(Encoding.UTF8.GetBytes("variant:" + flagName.ToLowerInvariant()), 0);

    /// <summary>The upper bound (exclusive) of the buckets that a percentage takes.</summary>
    public static ulong Threshold(double percentage) => (ulong)Math.Round(percentage / 100.0 * BucketSpace);

    public static uint Murmur3(ReadOnlySpan<byte> data, uint seed)
    {
        const uint C1 = 0xcc9e2d51;
        const uint C2 = 0x1b873593;

        var hash = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k *= C1;
            k = BitOperations.RotateLeft(k, 15);
            k *= C2;
            hash ^= k;
            hash = BitOperations.RotateLeft(hash, 13);
            hash = (hash * 5) + 0xe6546b64;
        }

        var tail = data.Slice(blocks * 4);
        uint last = 0;
        switch (tail.Length)
        {
            case 3:
                last ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                last ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                last ^= tail[0];
                last *= C1;
                last = BitOperations.RotateLeft(last, 15);
                last *= C2;
                hash ^= last;
                break;
        }

        hash ^= (uint)data.Length;
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
