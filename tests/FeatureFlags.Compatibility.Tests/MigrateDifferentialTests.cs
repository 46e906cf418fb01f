using System.Diagnostics;
using System.Reflection;

namespace FeatureFlags.Compatibility.Tests;

/// <summary>
/// <c>featureflags migrate</c> run as a process on a project's settings files; then Microsoft.FeatureManagement 4.7.0 on
/// the files as they were and this library on the files as migrated, for every user and instant asked: zero
/// disagreements. Targeting flags become <c>FeatureManagementTargeting</c> audiences, which keep its buckets and its
/// case-sensitive names (user-8 and User-8 are different users). Flags the command leaves in <c>FeatureManagement</c>
/// are read there by <c>AddMicrosoftFeatureManagementFlags()</c>.
/// </summary>
public sealed class MigrateDifferentialTests : IDisposable
{
    private const string Original = """
        {
          // Comments and formatting survive the migration.
          "FeatureManagement": {
            "Off": false,
            "On": { "EnabledFor": true },
            "AlwaysOn": { "EnabledFor": [ { "Name": "AlwaysOn" } ] },
            "Holiday": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-08T09:00:00+02:00", "End": "2026-12-10T17:30:00+02:00" } } ] },
            "Standup": {
              "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": {
                "Start": "2026-12-07T22:00:00+02:00", "End": "2026-12-08T02:30:00+02:00",
                "Recurrence": { "Pattern": { "Type": "Weekly", "Interval": 2, "DaysOfWeek": [ "Monday", "Sunday" ], "FirstDayOfWeek": "Monday" }, "Range": { "Type": "EndDate", "EndDate": "2027-01-03T08:00:00+02:00" } } } } ]
            },
            "Beta": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Users": [ "user-7", "User-8" ], "Groups": [ { "Name": "beta", "RolloutPercentage": 50 } ], "DefaultRolloutPercentage": 20, "Exclusion": { "Users": [ "user-9" ] } } } } ] },
            "WindowedBeta": {
              "RequirementType": "All",
              "EnabledFor": [
                { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-09T09:00:00+02:00", "End": "2026-12-23T09:00:00+02:00" } },
                { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Groups": [ { "Name": "beta", "RolloutPercentage": 100 } ], "DefaultRolloutPercentage": 35 } } }
              ]
            },
            "Lunch": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-07T12:00:00" } } ] }
          }
        }
        """;

    private const string MicrosoftSchema = """
        {
          "feature_management": {
            "feature_flags": [
              { "id": "MsOn", "enabled": true },
              {
                "id": "MsVariant", "enabled": true,
                "variants": [ { "name": "A", "configuration_value": { "color": "blue" } }, { "name": "B", "status_override": "Disabled" }, { "name": "C" } ],
                "allocation": {
                  "user": [ { "variant": "C", "users": [ "user-7" ] } ], "group": [ { "variant": "B", "groups": [ "beta" ] } ],
                  "percentile": [ { "variant": "A", "from": 0, "to": 40 }, { "variant": "B", "from": 40, "to": 90 } ],
                  "seed": "buy-2026", "default_when_enabled": "C"
                }
              },
              {
                "id": "MsOffVariant", "enabled": false,
                "variants": [ { "name": "old" }, { "name": "new", "status_override": "Enabled" } ],
                "allocation": { "default_when_disabled": "old", "default_when_enabled": "new", "percentile": [ { "variant": "new", "from": 0, "to": 100 } ] }
              },
              { "id": "MsOff", "enabled": false, "conditions": { "client_filters": [ { "name": "AlwaysOn" } ] } },
              {
                "id": "MsBeta", "enabled": true, "telemetry": { "enabled": true },
                "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": { "Users": [ "user-7" ], "Groups": [ { "Name": "beta", "RolloutPercentage": 40 } ], "DefaultRolloutPercentage": 30 } } } ] }
              },
              {
                "id": "MsWindow", "enabled": true,
                "conditions": { "requirement_type": "All", "client_filters": [
                  { "name": "Microsoft.TimeWindow", "parameters": { "Start": "2026-12-09T09:00:00+02:00", "End": "2026-12-23T09:00:00+02:00" } },
                  { "name": "Microsoft.Targeting", "parameters": { "Audience": { "DefaultRolloutPercentage": 50 } } }
                ] }
              }
            ]
          }
        }
        """;

    private static readonly string[] FeatureManagementFlags = ["Off", "On", "AlwaysOn", "Holiday", "Standup", "Beta", "WindowedBeta"];

    private static readonly DateTimeOffset First = new(2026, 12, 7, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly string ToolPath = typeof(MigrateDifferentialTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ToolPath").Value!;
    private readonly string _project = Directory.CreateTempSubdirectory("featureflags-migrate-").FullName;

    [Fact]
    public async Task Migrate_ProjectSettings_MovesWhatAnswersTheSameAndKeepsTheRest()
    {
        var file = Path.Combine(_project, "appsettings.json");
        await File.WriteAllTextAsync(file, Original);

        var (exitCode, output) = await RunToolAsync("migrate", "--project", _project);
        var migrated = await File.ReadAllTextAsync(file);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Moved 7 flag values from FeatureManagement to FeatureFlags");
        output.ShouldContain("appsettings.json  Lunch: its time window gives Start '2026-12-07T12:00:00' without an offset");
        migrated.ShouldContain("\"FeatureManagementTargeting\": {");
        migrated.ShouldContain("// Comments and formatting survive the migration.");
        migrated.ShouldContain("\"FeatureFlags\": {");

        await ShouldAnswerAlikeAsync([Original], [migrated]);
    }

    [Fact]
    public async Task Migrate_EnvironmentFileOverBaseline_MovesOnlyWhatBothLibrariesLayerAlike()
    {
        // Production says false over Beta's filters (which Microsoft.FeatureManagement keeps), gives AlwaysOn another
        // filter (merged key by key there), and true over Off and Holiday (the same in both libraries).
        const string production = """
            { "FeatureManagement": {
                "Beta": false,
                "Off": true,
                "Holiday": true,
                "AlwaysOn": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-20T00:00:00+02:00" } } ] }
            } }
            """;
        await File.WriteAllTextAsync(Path.Combine(_project, "appsettings.json"), Original);
        await File.WriteAllTextAsync(Path.Combine(_project, "appsettings.Production.json"), production);

        var (exitCode, output) = await RunToolAsync("migrate", "--project", _project);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("appsettings.Production.json  Beta: its value here does not turn off the filters appsettings.json gives it");
        output.ShouldContain("appsettings.Production.json  AlwaysOn: appsettings.json defines it too, and Microsoft.FeatureManagement merges the two key by key");
        output.ShouldContain("appsettings.Production.json  Off: true");
        output.ShouldContain("appsettings.Production.json  Holiday: true");
        var migrated = new[] { await File.ReadAllTextAsync(Path.Combine(_project, "appsettings.json")), await File.ReadAllTextAsync(Path.Combine(_project, "appsettings.Production.json")) };
        await ShouldAnswerAlikeAsync([Original, production], migrated);
    }

    [Fact]
    public async Task Migrate_MicrosoftSchema_MovesEveryItemVariantsIncluded()
    {
        var file = Path.Combine(_project, "appsettings.json");
        await File.WriteAllTextAsync(file, MicrosoftSchema);

        var (exitCode, output) = await RunToolAsync("migrate", "--project", _project);
        var migrated = await File.ReadAllTextAsync(file);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Moved 6 flag values from feature_management to FeatureFlags");
        output.ShouldNotContain("Not converted");
        migrated.ShouldContain("\"FeatureManagementVariants\": { \"variants\": [");
        migrated.ShouldNotContain("\"id\":");
        await ShouldAnswerAlikeAsync([MicrosoftSchema], [migrated], ["MsOn", "MsVariant", "MsOffVariant", "MsOff", "MsBeta", "MsWindow"]);
    }

    [Fact]
    public async Task Migrate_MicrosoftSchemaInTwoFiles_KeepsItsItems()
    {
        await File.WriteAllTextAsync(Path.Combine(_project, "appsettings.json"), MicrosoftSchema);
        await File.WriteAllTextAsync(Path.Combine(_project, "appsettings.Production.json"), """{ "feature_management": { "feature_flags": [ { "enabled": false } ] } }""");

        var (_, output) = await RunToolAsync("migrate", "--project", _project);

        output.ShouldContain("Moved 0 flag values");
        output.ShouldContain("appsettings.json  MsBeta (feature_management): the feature_flags lists of appsettings.Production.json, appsettings.json merge item by item");
        (await File.ReadAllTextAsync(Path.Combine(_project, "appsettings.json"))).ShouldBe(MicrosoftSchema);
    }

    [Fact]
    public async Task Migrate_DryRun_ReportsAndChangesNothing()
    {
        var file = Path.Combine(_project, "appsettings.json");
        await File.WriteAllTextAsync(file, Original);

        var (exitCode, output) = await RunToolAsync("migrate", "--project", _project, "--dry-run");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Would move 7 flag values");
        (await File.ReadAllTextAsync(file)).ShouldBe(Original);
    }

    [Fact]
    public async Task Migrate_FlagConvertsInOneFileOnly_StaysInBoth()
    {
        await File.WriteAllTextAsync(Path.Combine(_project, "appsettings.json"), Original);
        var production = Path.Combine(_project, "appsettings.Production.json");
        await File.WriteAllTextAsync(production, """{ "FeatureManagement": { "Lunch": true, "Off": true } }""");

        var (_, output) = await RunToolAsync("migrate", "--project", _project);

        output.ShouldContain("appsettings.Production.json  Lunch: another file's definition of it does not convert");
        var migrated = await File.ReadAllTextAsync(production);
        migrated.ShouldContain("\"Lunch\": true");
        migrated.ShouldContain("\"FeatureFlags\"");
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    /// <summary>
    /// Microsoft.FeatureManagement on the <paramref name="original"/> files against this library on the
    /// <paramref name="migrated"/> ones (each list layered in order), for every flag, whether it is on and which variant
    /// it serves, every half hour over five weeks (and a tick either side), for users in and out of groups: no disagreement.
    /// </summary>
    private static async Task ShouldAnswerAlikeAsync(IReadOnlyList<string> original, IReadOnlyList<string> migrated, IReadOnlyList<string>? flags = null)
    {
        using var theirs = new BothLibraries(original, First.AddTicks(-1));
        using var ours = new BothLibraries(migrated, First.AddTicks(-1));
        var disagreements = new List<string>();
        for (var halfHour = 0; halfHour < 5 * 7 * 48; halfHour++)
        {
            foreach (var instant in new[] { First.AddMinutes(30 * halfHour).AddTicks(-1), First.AddMinutes(30 * halfHour), First.AddMinutes(30 * halfHour).AddTicks(1) })
            {
                // Both clocks only move forward, as real ones do.
                theirs.Clock.SetUtcNow(instant);
                ours.Clock.SetUtcNow(instant);
                var user = halfHour % 7 == 0 ? "User-8" : $"user-{halfHour % 101}";
                string[] groups = halfHour % 3 == 0 ? ["beta"] : [];
                foreach (var flag in flags ?? FeatureManagementFlags)
                {
                    var (before, _) = await theirs.AskAsync(flag, user, groups);
                    var (_, after) = await ours.AskAsync(flag, user, groups);
                    var (variantBefore, _) = await theirs.VariantAsync(flag, user, groups);
                    var (_, variantAfter) = await ours.VariantAsync(flag, user, groups);
                    if (before != after || variantBefore != variantAfter)
                    {
                        disagreements.Add($"{flag} at {instant:O} for {user}: before {before} {variantBefore}, after {after} {variantAfter}");
                    }
                }
            }
        }

        disagreements.ShouldBeEmpty($"{disagreements.Count} disagree, first: {string.Join("; ", disagreements.Take(5))}");
    }

    private static async Task<(int ExitCode, string Output)> RunToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }
}
