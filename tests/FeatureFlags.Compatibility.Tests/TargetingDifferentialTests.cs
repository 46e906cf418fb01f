namespace FeatureFlags.Compatibility.Tests;

/// <summary>
/// Targeting in Microsoft.FeatureManagement's .NET schema: 10,000 users in nine group combinations against every form
/// of audience (users, groups with their own rollouts, default rollouts, exclusions), both filter names, and the
/// requirement types. Zero disagreements with Microsoft.FeatureManagement 4.7.0, or the test fails listing them.
/// </summary>
public sealed class TargetingDifferentialTests
{
    private const int Users = 10_000;

    private static readonly string[][] GroupSets =
    [
        [], ["beta"], ["ring1"], ["ring2"], ["beta", "ring1"], ["ring2", "beta"], ["staff"], ["Beta"], ["ring1", "staff", "ring2"],
    ];

    private const string Flags = """
        {
          "FeatureManagement": {
            "On": true,
            "Off": false,
            "NoFilters": { "EnabledFor": [] },
            "AlwaysOn": { "EnabledFor": [ { "Name": "AlwaysOn" } ] },
            "Default0": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 0 } } } ] },
            "Default10": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 10 } } } ] },
            "Default33": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 33.3 } } } ] },
            "Default50": { "EnabledFor": [ { "Name": "Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 50 } } } ] },
            "PercentNoValue": { "EnabledFor": [ { "Name": "Microsoft.Percentage" } ] },
            "Percent100": { "EnabledFor": [ { "Name": "Percentage", "Parameters": { "Value": 100 } } ] },
            "Default100": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 100 } } } ] },
            "Audience": {
              "EnabledFor": [ {
                "Name": "Microsoft.Targeting",
                "Parameters": {
                  "Audience": {
                    "Users": [ "user-7", "user-42", "user-13" ],
                    "Groups": [
                      { "Name": "beta", "RolloutPercentage": 50 },
                      { "Name": "ring1", "RolloutPercentage": 20 },
                      { "Name": "ring2", "RolloutPercentage": 0 },
                      { "Name": "staff", "RolloutPercentage": 100 }
                    ],
                    "DefaultRolloutPercentage": 5,
                    "Exclusion": { "Users": [ "user-13", "user-99" ], "Groups": [ "ring2" ] }
                  }
                }
              } ]
            },
            "ExcludedStaff": {
              "RequirementType": "All",
              "EnabledFor": [
                { "Name": "AlwaysOn" },
                { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Groups": [ { "Name": "beta", "RolloutPercentage": 100 } ], "Exclusion": { "Groups": [ "staff" ] } } } }
              ]
            }
          }
        }
        """;

    public static TheoryData<string> FlagNames() =>
        ["On", "Off", "NoFilters", "AlwaysOn", "Default0", "Default10", "Default33", "Default50", "Default100", "Audience", "ExcludedStaff", "PercentNoValue", "Percent100"];

    [Theory]
    [MemberData(nameof(FlagNames))]
    public async Task IsEnabled_TenThousandUsersInEveryGroupSet_SameAnswersAsFeatureManagement(string flag)
    {
        using var both = new BothLibraries(Flags);
        var disagreements = new List<string>();
        var on = 0;
        for (var i = 0; i < Users; i++)
        {
            var user = $"user-{i}";
            var groups = GroupSets[i % GroupSets.Length];
            var (theirs, ours) = await both.AskAsync(flag, user, groups);
            on += theirs ? 1 : 0;
            if (theirs != ours)
            {
                disagreements.Add($"{user} [{string.Join(",", groups)}]: theirs {theirs}, ours {ours}");
            }
        }

        disagreements.ShouldBeEmpty($"{disagreements.Count} of {Users} disagree, first: {string.Join("; ", disagreements.Take(5))}");

        // The comparison means something only if the flag splits users where it should.
        if (flag.StartsWith("Default", StringComparison.Ordinal) && flag is not "Default0" and not "Default100")
        {
            on.ShouldBeInRange(1, Users - 1);
        }
    }

    [Fact]
    public async Task IsEnabled_AnonymousContext_SameAnswersAsFeatureManagement()
    {
        using var both = new BothLibraries(Flags);

        foreach (var flag in FlagNames())
        {
            foreach (var groups in GroupSets)
            {
                var (theirs, ours) = await both.AskAsync(flag, null, groups);
                ours.ShouldBe(theirs, $"{flag} for an anonymous context in [{string.Join(",", groups)}]");
            }
        }
    }
}
