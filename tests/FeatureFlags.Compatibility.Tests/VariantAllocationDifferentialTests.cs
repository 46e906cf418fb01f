namespace FeatureFlags.Compatibility.Tests;

/// <summary>
/// Variants and their allocation in the Microsoft Feature Management schema: by user, by group, by percentile with and
/// without a seed, the defaults when enabled and when disabled, status overrides, and a flag whose conditions decide
/// which default applies. For 10,000 users, both whether the flag is on and which variant it serves must match
/// Microsoft.FeatureManagement 4.7.0.
/// </summary>
public sealed class VariantAllocationDifferentialTests
{
    private const string Flags = """
        {
          "feature_management": {
            "feature_flags": [
              {
                "id": "Checkout", "enabled": true,
                "variants": [
                  { "name": "Big", "configuration_value": { "Size": 600 } },
                  { "name": "Small", "configuration_value": "small" },
                  { "name": "Legacy", "status_override": "Disabled" }
                ],
                "allocation": {
                  "user": [ { "variant": "Big", "users": [ "user-1", "user-2" ] } ],
                  "group": [ { "variant": "Small", "groups": [ "ring1" ] }, { "variant": "Big", "groups": [ "beta" ] } ],
                  "percentile": [ { "variant": "Big", "from": 0, "to": 33.3 }, { "variant": "Small", "from": 33.3, "to": 80 }, { "variant": "Legacy", "from": 80, "to": 100 } ],
                  "default_when_enabled": "Small"
                }
              },
              {
                "id": "Seeded", "enabled": true,
                "variants": [ { "name": "A" }, { "name": "B" } ],
                "allocation": { "seed": "shared-seed", "percentile": [ { "variant": "A", "from": 0, "to": 50 }, { "variant": "B", "from": 50, "to": 100 } ] }
              },
              {
                "id": "PartlyAllocated", "enabled": true,
                "variants": [ { "name": "On" }, { "name": "Rest" } ],
                "allocation": { "percentile": [ { "variant": "On", "from": 10, "to": 40 } ], "default_when_enabled": "Rest" }
              },
              {
                "id": "TargetedDefaults", "enabled": true,
                "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": { "DefaultRolloutPercentage": 30 } } } ] },
                "variants": [ { "name": "In" }, { "name": "Out", "status_override": "Enabled" } ],
                "allocation": { "default_when_enabled": "In", "default_when_disabled": "Out" }
              },
              {
                "id": "Switched", "enabled": false,
                "variants": [ { "name": "Off", "status_override": "Enabled" } ],
                "allocation": { "default_when_disabled": "Off" }
              },
              {
                "id": "NoAllocation", "enabled": true,
                "variants": [ { "name": "Lonely" } ]
              }
            ]
          }
        }
        """;

    private static readonly string[][] GroupSets = [[], ["beta"], ["ring1"], ["ring1", "beta"], ["other"]];

    public static TheoryData<string> FlagNames() => ["Checkout", "Seeded", "PartlyAllocated", "TargetedDefaults", "Switched", "NoAllocation"];

    [Theory]
    [MemberData(nameof(FlagNames))]
    public async Task VariantAndValue_TenThousandUsers_SameAsFeatureManagement(string flag)
    {
        using var both = new BothLibraries(Flags);
        var disagreements = new List<string>();
        var variants = new HashSet<string?>();
        for (var i = 0; i < 10_000; i++)
        {
            var (user, groups) = ($"user-{i}", GroupSets[i % GroupSets.Length]);
            var (theirsOn, oursOn) = await both.AskAsync(flag, user, groups);
            var (theirs, ours) = await both.VariantAsync(flag, user, groups);
            variants.Add(theirs);
            if (theirsOn != oursOn || theirs != ours)
            {
                disagreements.Add($"{user} [{string.Join(",", groups)}]: theirs {theirsOn}/{theirs ?? "none"}, ours {oursOn}/{ours ?? "none"}");
            }
        }

        disagreements.ShouldBeEmpty($"{disagreements.Count} disagree, first: {string.Join("; ", disagreements.Take(5))}");
        if (flag is "Checkout" or "Seeded" or "PartlyAllocated" or "TargetedDefaults")
        {
            variants.Count.ShouldBeGreaterThan(1, "the allocation must split the users for the comparison to mean something");
        }
    }

    [Fact]
    public async Task GetVariantValue_ConfigurationValue_SameAsFeatureManagement()
    {
        using var both = new BothLibraries(Flags);

        var theirs = await ((Microsoft.FeatureManagement.IVariantFeatureManager)both.FeatureManager).GetVariantAsync(
            "Checkout", new Microsoft.FeatureManagement.FeatureFilters.TargetingContext { UserId = "user-1" }, CancellationToken.None);
        var ours = both.SnapshotFor("user-1", []).GetVariantValue<Microsoft.Extensions.Configuration.IConfigurationSection>("Checkout");

        ours.ShouldNotBeNull();
        ours["Size"].ShouldBe(theirs.Configuration["Size"]);
        ours["Size"].ShouldBe("600");
    }
}
