using System.Text;
using FeatureFlags.Targeting;

namespace FeatureFlags.Tests.Targeting;

/// <summary>
/// Pins the bucketing hash. If one of these fails, users move between buckets in every deployed
/// application: change the hash only with a major version and a migration note.
/// </summary>
public sealed class StableHashTests
{
    // Published MurmurHash3 x86_32 vectors: the hash is the standard one, not a look-alike.
    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("", 0xffffffffu, 0x81F16F39u)]
    [InlineData("hello", 0u, 0x248BFA47u)]
    [InlineData("Hello, world!", 1234u, 0xFAF6CDB3u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0u, 0x2E4FF723u)]
    public void Murmur3_PublishedVectors_Match(string input, uint seed, uint expected)
    {
        StableHash.Murmur3(Encoding.UTF8.GetBytes(input), seed).ShouldBe(expected);
    }

    // Golden bucketing vectors: the documented formula applied to fixed inputs, computed by an
    // independent implementation of MurmurHash3, not by this code.
    [Theory]
    [InlineData("rollout", "NewCheckout", "alice", 0x33392AD1u)]
    [InlineData("rollout", "NewCheckout", "bob", 0x9FC2AE5Eu)]
    [InlineData("rollout", "newcheckout", "alice", 0x33392AD1u)]
    [InlineData("rollout", "CheckoutButton", "alice", 0x2B50C3BAu)]
    [InlineData("rollout", "CheckoutButton", "", 0xFAB5FA8Bu)]
    [InlineData("rollout", "Beta.Reports-2", "ünïcödé", 0xC01F5550u)]
    [InlineData("variant", "CheckoutButton", "alice", 0xD8A6B8A2u)]
    [InlineData("variant", "CheckoutButton", "bob", 0x17C4B933u)]
    [InlineData("variant", "CheckoutButton", "", 0xD949C100u)]
    public void Bucket_GoldenVectors_AreStable(string purpose, string flag, string key, uint expected)
    {
        var seed = purpose == "rollout" ? StableHash.RolloutSeed(flag) : StableHash.VariantSeed(flag);

        StableHash.Murmur3(Encoding.UTF8.GetBytes(key), seed).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.0, 0UL)]
    [InlineData(100.0, 1UL << 32)]
    [InlineData(50.0, 1UL << 31)]
    [InlineData(12.5, 1UL << 29)]
    public void Threshold_Percentage_MapsOntoTheBucketSpace(double percentage, ulong expected)
    {
        StableHash.Threshold(percentage).ShouldBe(expected);
    }
}
