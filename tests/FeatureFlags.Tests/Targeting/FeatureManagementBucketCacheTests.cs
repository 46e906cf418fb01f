using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FeatureFlags.Targeting;

namespace FeatureFlags.Tests.Targeting;

/// <summary>
/// The cache of Microsoft.FeatureManagement buckets: it must never change an answer, whether the bucket is remembered,
/// evicted by another user, or read while another thread rewrites its slot.
/// </summary>
public sealed class FeatureManagementBucketCacheTests
{
    [Theory]
    [InlineData("alice", null)]
    [InlineData("user-48213", "beta")]
    [InlineData("ünïcødé", "gröup")]
    public void PercentageOf_FirstAndRepeatedRead_EqualTheSha256OfTheContextId(string user, string? group)
    {
        var cache = new FeatureManagementBucketCache("Checkout");
        var context = new EvaluationContext(user, group is null ? [] : [group]);
        var expected = Sha256Percentage(group is null ? $"{user}\nCheckout" : $"{user}\nCheckout\n{group}");
        var index = group is null ? -1 : 0;

        cache.PercentageOf(context, index).ShouldBe(expected);
        cache.PercentageOf(context, index).ShouldBe(expected);
    }

    [Fact]
    public void PercentageOf_SameUserReadAgain_HashesOnce()
    {
        var cache = new FeatureManagementBucketCache("Checkout");

        for (var i = 0; i < 10; i++)
        {
            // A new context each time, as each request makes one: the user's id, not the object, is the key.
            cache.PercentageOf(new EvaluationContext("user-" + 7, ["beta"]), 0);
        }

        cache.Hashes.ShouldBe(1);
    }

    [Fact]
    public void PercentageOf_GroupsOfOneUser_AreRememberedApart()
    {
        var cache = new FeatureManagementBucketCache("Checkout");
        var context = new EvaluationContext("alice", ["beta", "staff"]);

        var beta = cache.PercentageOf(context, 0);
        var staff = cache.PercentageOf(context, 1);
        var none = cache.PercentageOf(context);

        (beta, staff, none).ShouldBe((Sha256Percentage("alice\nCheckout\nbeta"), Sha256Percentage("alice\nCheckout\nstaff"), Sha256Percentage("alice\nCheckout")));
    }

    [Fact]
    public void PercentageOf_AnonymousAndEmptyKey_ShareTheEmptyIdsBucket()
    {
        var cache = new FeatureManagementBucketCache("Checkout");

        var anonymous = cache.PercentageOf(EvaluationContext.Empty);
        var empty = cache.PercentageOf(new EvaluationContext(string.Empty));

        (anonymous, empty).ShouldBe((Sha256Percentage("\nCheckout"), Sha256Percentage("\nCheckout")));
    }

    [Fact]
    public void PercentageOf_FourTimesMoreUsersThanSlots_EveryAnswerStaysTheHash()
    {
        var cache = new FeatureManagementBucketCache("seed-1");
        var users = Enumerable.Range(0, FeatureManagementBucketCache.SlotCount * 4).Select(i => "user-" + i).ToArray();

        var wrong = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            wrong += users.Count(user => cache.PercentageOf(new EvaluationContext(user)) != Sha256Percentage(user + "\nseed-1"));
        }

        wrong.ShouldBe(0);
        // Evicted users hash again: more than one hash per user, fewer than two (the second pass finds some).
        cache.Hashes.ShouldBeInRange(users.Length + 1, (2 * users.Length) - 1);
    }

    [Fact]
    public async Task PercentageOf_ThreadsRewritingSharedSlots_NeverReadATornSlot()
    {
        // Two slots for a few users, on every core at once: slots change hands while others read them. A slot read
        // half written would pair one user's id with another's bucket.
        var cache = new FeatureManagementBucketCache("Checkout", slotCount: 2);
        var contexts = Enumerable.Range(0, 6)
            .Select(i => new EvaluationContext("u" + i, ["g" + (i % 3)]))
            .ToArray();
        var expected = contexts.Select(c => Sha256Percentage($"{c.Key}\nCheckout\n{c.Groups[0]}")).ToArray();

        var workers = Enumerable.Range(0, Math.Max(4, Environment.ProcessorCount * 2)).Select(worker => Task.Run(() =>
        {
            var wrong = 0;
            for (var read = 0; read < 100_000; read++)
            {
                var i = ((read * 7919) + (worker * 104_729)) % contexts.Length;
                if (cache.PercentageOf(contexts[i], 0) != expected[i])
                {
                    wrong++;
                }
            }

            return wrong;
        }));

        (await Task.WhenAll(workers)).Sum().ShouldBe(0);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(100, true)]
    public void IsIn_EdgePercentages_AnswerWithoutHashing(double percentage, bool expected)
    {
        var cache = new FeatureManagementBucketCache("Checkout");

        var admitted = cache.IsIn(percentage, new EvaluationContext("alice"));

        (admitted, cache.Hashes).ShouldBe((expected, 0));
    }

    [Fact]
    public void IsIn_BucketBelowThePercentage_Admits()
    {
        var cache = new FeatureManagementBucketCache("Checkout");
        var context = new EvaluationContext("alice");
        var bucket = Sha256Percentage("alice\nCheckout");

        (cache.IsIn(bucket, context), cache.IsIn(Math.BitIncrement(bucket), context)).ShouldBe((false, true));
    }

    /// <summary>Microsoft.FeatureManagement's bucket, computed here independently of the code under test.</summary>
    private static double Sha256Percentage(string contextId) =>
        BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(contextId))) / (double)uint.MaxValue * 100;
}
