namespace FeatureFlags.Compatibility.Tests;

/// <summary>
/// The Microsoft Feature Management schema (<c>feature_management.feature_flags[]</c>): its flags without variants, the
/// same audiences and windows as the .NET schema's tests, for 10,000 users and over five weeks. Zero disagreements with
/// Microsoft.FeatureManagement 4.7.0.
/// </summary>
public sealed class MicrosoftSchemaDifferentialTests
{
    private static readonly DateTimeOffset First = new(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(2));

    private const string Flags = """
        {
          "feature_management": {
            "feature_flags": [
              { "id": "On", "enabled": true },
              { "id": "Off", "enabled": false, "conditions": { "client_filters": [ { "name": "AlwaysOn" } ] } },
              { "id": "Half", "enabled": true, "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": { "DefaultRolloutPercentage": 50 } } } ] } },
              {
                "id": "Audience", "enabled": true, "telemetry": { "enabled": true },
                "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": {
                  "Users": [ "user-7", "user-42" ],
                  "Groups": [ { "Name": "beta", "RolloutPercentage": 50 }, { "Name": "ring1", "RolloutPercentage": 20 } ],
                  "DefaultRolloutPercentage": 5,
                  "Exclusion": { "Users": [ "user-13" ], "Groups": [ "ring2" ] } } } } ] }
              },
              {
                "id": "WeeklyAudience", "enabled": true,
                "conditions": { "requirement_type": "All", "client_filters": [
                  { "name": "Microsoft.TimeWindow", "parameters": { "Start": "2026-12-07T22:00:00+02:00", "End": "2026-12-08T02:30:00+02:00",
                    "Recurrence": { "Pattern": { "Type": "Weekly", "DaysOfWeek": [ "Monday", "Thursday" ] }, "Range": { "Type": "Numbered", "NumberOfOccurrences": 6 } } } },
                  { "name": "Microsoft.Targeting", "parameters": { "Audience": { "DefaultRolloutPercentage": 60 } } }
                ] }
              }
            ]
          }
        }
        """;

    private static readonly string[][] GroupSets = [[], ["beta"], ["ring1"], ["ring2"], ["ring1", "beta"]];

    public static TheoryData<string> FlagNames() => ["On", "Off", "Half", "Audience"];

    [Theory]
    [MemberData(nameof(FlagNames))]
    public async Task IsEnabled_TenThousandUsers_SameAnswersAsFeatureManagement(string flag)
    {
        using var both = new BothLibraries(Flags);
        var disagreements = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var (user, groups) = ($"user-{i}", GroupSets[i % GroupSets.Length]);
            var (theirs, ours) = await both.AskAsync(flag, user, groups);
            if (theirs != ours)
            {
                disagreements.Add($"{user} [{string.Join(",", groups)}]: theirs {theirs}, ours {ours}");
            }
        }

        disagreements.ShouldBeEmpty($"{disagreements.Count} disagree, first: {string.Join("; ", disagreements.Take(5))}");
    }

    [Fact]
    public async Task IsEnabled_WeeklyWindowWithAudience_SameAnswersEveryHalfHourForFiveWeeks()
    {
        using var both = new BothLibraries(Flags, First.AddTicks(-1));
        var disagreements = new List<string>();
        var on = 0;
        for (var halfHour = 0; halfHour < 5 * 7 * 48; halfHour++)
        {
            foreach (var instant in new[] { First.AddMinutes(30 * halfHour).AddTicks(-1), First.AddMinutes(30 * halfHour), First.AddMinutes(30 * halfHour).AddTicks(1) })
            {
                both.Clock.SetUtcNow(instant);
                var user = $"user-{halfHour % 89}";
                var (theirs, ours) = await both.AskAsync("WeeklyAudience", user, []);
                on += theirs ? 1 : 0;
                if (theirs != ours)
                {
                    disagreements.Add($"{instant:O} ({user}): theirs {theirs}, ours {ours}");
                }
            }
        }

        disagreements.ShouldBeEmpty($"{disagreements.Count} disagree, first: {string.Join("; ", disagreements.Take(5))}");
        on.ShouldBeGreaterThan(0);
    }
}
