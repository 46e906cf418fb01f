using Microsoft.Extensions.DependencyInjection;
using System.Text;
using FeatureFlags.Tables;
using FeatureFlags.Evaluation;
using FeatureFlags.Targeting;

namespace FeatureFlags.Tests.Tables;

public sealed class UserListFingerprintTests
{
    [Fact]
    public void Of_SameListOtherKey_Differs()
    {
        string[] users = ["alice"];

        UserListFingerprint.Of(users, new byte[32]).ShouldNotBe(UserListFingerprint.Of(users, Enumerable.Repeat((byte)1, 32).ToArray()));
    }

    [Fact]
    public void Of_SameIdsInAnyOrderOrCase_Equal()
    {
        UserListFingerprint.Of(["alice", "Bob"]).ShouldBe(UserListFingerprint.Of(["BOB", "Alice"]));
        UserListFingerprint.Of(["alice"]).ShouldNotBe(UserListFingerprint.Of(["alicia"]));
    }

    [Fact]
    public void FlagChanged_OneUserList_FingerprintIsNotTheUnkeyedHashOfTheId()
    {
        var configuration = FlagHarness.Configuration(new Settings { ["FeatureFlags:F"] = "false" }, []);
        var logs = new LogCapture();
        FlagHarness.Services(configuration, logs: logs).GetRequiredService<IFlagSnapshotFactory>();

        configuration.Providers.Last().Set("FeatureFlags:F:Users:0", "secret-user");
        configuration.Reload();

        // What the log carried before: MurmurHash3 of the upper-cased id, which a list of guesses reverses in milliseconds.
        var unkeyed = StableHash.Murmur3(Encoding.UTF8.GetBytes("SECRET-USER"), 0).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var message = logs.WithEventId(1001).ShouldHaveSingleItem().Message;
        message.ShouldContain("Users: 1 (");
        message.ShouldNotContain(unkeyed);
        message.ShouldNotContain("secret-user", Case.Insensitive);
    }
}
