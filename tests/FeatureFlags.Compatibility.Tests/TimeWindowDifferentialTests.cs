namespace FeatureFlags.Compatibility.Tests;

/// <summary>
/// Microsoft.FeatureManagement's time windows, one-off and recurring, asked of both libraries on one fake clock at every
/// half hour over five weeks and one tick either side of each: the windows start and end on half hours, so every edge
/// is asked at, just before and just after.
/// </summary>
public sealed class TimeWindowDifferentialTests
{
    private static readonly DateTimeOffset First = new(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(2));

    private const string Flags = """
        {
          "FeatureManagement": {
            "OneOff": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-08T09:00:00+02:00", "End": "2026-12-10T17:30:00+02:00" } } ] },
            "StartOnly": { "EnabledFor": [ { "Name": "TimeWindow", "Parameters": { "Start": "Wed, 09 Dec 2026 07:00:00 GMT" } } ] },
            "EndOnly": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { "End": "2026-12-20T00:00:00Z" } } ] },
            "Daily": {
              "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": {
                "Start": "2026-12-07T09:00:00+02:00", "End": "2026-12-07T17:00:00+02:00",
                "Recurrence": { "Pattern": { "Type": "Daily", "Interval": 2 }, "Range": { "Type": "NoEnd" } } } } ]
            },
            "WeeklyNumbered": {
              "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": {
                "Start": "2026-12-07T22:00:00+02:00", "End": "2026-12-08T02:30:00+02:00",
                "Recurrence": { "Pattern": { "Type": "Weekly", "DaysOfWeek": [ "Monday", "Wednesday", "Friday" ] }, "Range": { "Type": "Numbered", "NumberOfOccurrences": 5 } } } } ]
            },
            "BiweeklyUntil": {
              "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": {
                "Start": "2026-12-08T08:00:00-05:00", "End": "2026-12-08T12:00:00-05:00",
                "Recurrence": { "Pattern": { "Type": "Weekly", "Interval": 2, "DaysOfWeek": [ "Tuesday", "Sunday" ], "FirstDayOfWeek": "Monday" }, "Range": { "Type": "EndDate", "EndDate": "2027-01-03T08:00:00-05:00" } } } } ]
            },
            "WindowedAudience": {
              "RequirementType": "All",
              "EnabledFor": [
                { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-08T09:00:00+02:00", "End": "2026-12-09T09:00:00+02:00" } },
                { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 50 } } }
              ]
            }
          }
        }
        """;

    public static TheoryData<string> FlagNames() => ["OneOff", "StartOnly", "EndOnly", "Daily", "WeeklyNumbered", "BiweeklyUntil", "WindowedAudience"];

    [Theory]
    [MemberData(nameof(FlagNames))]
    public async Task IsEnabled_EveryHalfHourAndTickAroundIt_SameAnswersAsFeatureManagement(string flag)
    {
        using var both = new BothLibraries(Flags, First.AddTicks(-1));
        var disagreements = new List<string>();
        var on = 0;
        var asked = 0;
        for (var halfHour = 0; halfHour < 5 * 7 * 48; halfHour++)
        {
            var at = First.AddMinutes(30 * halfHour);
            foreach (var instant in new[] { at.AddTicks(-1), at, at.AddTicks(1) })
            {
                // The clock only moves forward, as a real one does.
                both.Clock.SetUtcNow(instant);
                var user = $"user-{asked % 97}";
                var (theirs, ours) = await both.AskAsync(flag, user, []);
                asked++;
                on += theirs ? 1 : 0;
                if (theirs != ours)
                {
                    disagreements.Add($"{instant:O} ({user}): theirs {theirs}, ours {ours}");
                }
            }
        }

        disagreements.ShouldBeEmpty($"{disagreements.Count} of {asked} disagree, first: {string.Join("; ", disagreements.Take(5))}");
        on.ShouldBeInRange(1, asked - 1, "the window must open and close within the five weeks asked");
    }
}
