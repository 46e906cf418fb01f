using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Migration;

/// <summary>
/// Microsoft.FeatureManagement's .NET schema read by <c>AddMicrosoftFeatureManagementFlags()</c>: what maps, what is a
/// start-up error with its path, and how the flags explain themselves. Their answers against that library itself are
/// tested in FeatureFlags.Compatibility.Tests.
/// </summary>
public sealed class FeatureManagementSchemaTests
{
    [Fact]
    public void AddMicrosoftFeatureManagementFlags_NotCalled_SectionIgnored()
    {
        using var services = FlagHarness.Services(Json("""{ "FeatureManagement": { "Beta": true } }"""));

        services.GetRequiredService<IFlagReader>().IsEnabled("Beta").ShouldBeFalse();
    }

    [Fact]
    public void IsEnabled_BothSections_ReadTogether()
    {
        var snapshot = Snapshot("""{ "FeatureFlags": { "Ours": true }, "FeatureManagement": { "Theirs": true, "Off": false } }""");

        snapshot.IsEnabled("Ours").ShouldBeTrue();
        snapshot.IsEnabled("Theirs").ShouldBeTrue();
        snapshot.IsEnabled("Off").ShouldBeFalse();
    }

    [Fact]
    public void Explain_TargetedUser_NamesTheFeatureManagementKey()
    {
        var snapshot = Snapshot(
            """{ "FeatureManagement": { "Beta": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Users": [ "alice" ] } } } ] } } }""",
            new EvaluationContext("alice"));

        var evaluation = snapshot.Explain("Beta");

        evaluation.IsEnabled.ShouldBeTrue();
        evaluation.Reason.ShouldBe(EvaluationReason.TargetedUser);
        evaluation.Sources.ShouldContain(s => s.Key.StartsWith("FeatureManagement:Beta", StringComparison.Ordinal));
    }

    [Fact]
    public void IsEnabled_PercentageFilter_StickyPerUser()
    {
        const string json = """{ "FeatureManagement": { "Half": { "EnabledFor": [ { "Name": "Microsoft.Percentage", "Parameters": { "Value": 50 } } ] } } }""";
        var first = Enumerable.Range(0, 200).Select(i => Snapshot(json, new EvaluationContext($"user-{i}")).IsEnabled("Half")).ToList();
        var again = Enumerable.Range(0, 200).Select(i => Snapshot(json, new EvaluationContext($"user-{i}")).IsEnabled("Half")).ToList();

        again.ShouldBe(first);
        first.Count(on => on).ShouldBeInRange(70, 130);
    }

    [Theory]
    [InlineData("""{ "Custom": { "EnabledFor": [ { "Name": "Contoso.Browser" } ] } }""", "FeatureManagement:Custom:EnabledFor:0:Name: 'Contoso.Browser' is not a filter this library can evaluate")]
    [InlineData("""{ "Either": { "EnabledFor": [ { "Name": "Microsoft.Percentage", "Parameters": { "Value": 5 } }, { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-01-01T00:00:00Z" } } ] } }""", "FeatureManagement:Either:EnabledFor: combines Percentage and TimeWindow with RequirementType Any")]
    [InlineData("""{ "Typo": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentag": 5 } } } ] } }""", "FeatureManagement:Typo:EnabledFor:0:Parameters:Audience:DefaultRolloutPercentag: is not a property of an audience")]
    [InlineData("""{ "TooMuch": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 150 } } } ] } }""", "FeatureManagement:TooMuch:EnabledFor:0:Parameters:Audience:DefaultRolloutPercentage: 150 is outside 0 to 100")]
    [InlineData("""{ "Mode": { "RequirementType": "Most", "EnabledFor": [ { "Name": "AlwaysOn" } ] } }""", "FeatureManagement:Mode:RequirementType: 'Most' is not a requirement type (use Any or All)")]
    [InlineData("""{ "Late": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-02T00:00:00Z", "End": "2026-12-01T00:00:00Z" } } ] } }""", "FeatureManagement:Late:EnabledFor:0:Parameters:End: must be later than Start")]
    [InlineData("""{ "Weekly": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { "Start": "2026-12-07T09:00:00Z", "End": "2026-12-07T10:00:00Z", "Recurrence": { "Pattern": { "Type": "Weekly", "DaysOfWeek": [ "Tuesday" ] }, "Range": { "Type": "NoEnd" } } } } ] } }""", "FeatureManagement:Weekly:EnabledFor:0:Parameters:Recurrence:Pattern:DaysOfWeek: does not contain Monday, the day of Start")]
    [InlineData("""{ "Ture": "ture" }""", "FeatureManagement:Ture: 'ture' is not a boolean")]
    [InlineData("""{ "Never": { "EnabledFor": [ { "Name": "Microsoft.TimeWindow", "Parameters": { } } ] } }""", "FeatureManagement:Never:EnabledFor:0:Parameters: needs Start, End or both")]
    public void AddFeatureFlags_FeatureManagementFlagNotExpressible_StartupErrorWithPath(string flags, string expected)
    {
        var error = Should.Throw<FlagConfigurationException>(() => Snapshot($$"""{ "FeatureManagement": {{flags}} }"""));

        error.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), $"problems: {string.Join(" | ", error.Problems)}");
    }

    [Fact]
    public void IsEnabled_PercentageWithoutValue_OffAsThatLibraryBindsIt()
    {
        var snapshot = Snapshot("""{ "FeatureManagement": { "Half": { "EnabledFor": [ { "Name": "Microsoft.Percentage" } ] } } }""", new EvaluationContext("alice"));

        snapshot.IsEnabled("Half").ShouldBeFalse();
    }

    [Fact]
    public void AddFeatureFlags_FlagInBothSections_StartupErrorNamingBoth()
    {
        var error = Should.Throw<FlagConfigurationException>(() => Snapshot("""{ "FeatureFlags": { "Beta": true }, "FeatureManagement": { "Beta": false } }"""));

        error.Problems.ShouldHaveSingleItem().ShouldStartWith("FeatureManagement:Beta: defines the flag 'Beta' that FeatureFlags:Beta defines already");
    }

    [Fact]
    public void IsEnabled_MicrosoftSchema_ReadByIdBesideTheOtherSections()
    {
        var snapshot = Snapshot("""
            {
              "FeatureFlags": { "Ours": true },
              "FeatureManagement": { "Theirs": true },
              "feature_management": { "feature_flags": [
                { "id": "Listed", "enabled": true },
                { "id": "Paused", "enabled": false, "conditions": { "client_filters": [ { "name": "AlwaysOn" } ] } },
                { "id": "Staff", "enabled": true, "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": { "Groups": [ { "Name": "staff", "RolloutPercentage": 100 } ] } } } ] } }
              ] }
            }
            """, new EvaluationContext("alice", ["staff"]));

        snapshot.IsEnabled("Ours").ShouldBeTrue();
        snapshot.IsEnabled("Theirs").ShouldBeTrue();
        snapshot.IsEnabled("Listed").ShouldBeTrue();
        snapshot.IsEnabled("Paused").ShouldBeFalse();
        snapshot.Explain("Staff").Reason.ShouldBe(EvaluationReason.TargetedGroup);
    }

    [Theory]
    [InlineData("""[ { "id": "Beta", "enabled": true, "variants": [ { "name": "Big" } ], "allocation": { "default_when_enabled": "Huge" } } ]""", "feature_management:feature_flags:0:allocation:default_when_enabled: 'Huge' is not a variant of the flag (its variants: Big)")]
    [InlineData("""[ { "id": "Beta", "enabled": true, "variants": [ { "name": "Big", "status_override": "Maybe" } ] } ]""", "feature_management:feature_flags:0:variants:0:status_override: 'Maybe' is not a status override")]
    [InlineData("""[ { "id": "Beta", "enabled": true, "variants": [ { "name": "Big" } ], "allocation": { "percentile": [ { "variant": "Big", "from": 60, "to": 40 } ] } } ]""", "feature_management:feature_flags:0:allocation:percentile:0: has from above to")]
    [InlineData("""[ { "id": "Beta", "enabled": true }, { "id": "beta", "enabled": false } ]""", "feature_management:feature_flags:1: defines the flag 'beta' that feature_management:feature_flags:0 defines already")]
    [InlineData("""[ { "enabled": true } ]""", "feature_management:feature_flags:0:id: is missing")]
    [InlineData("""[ { "id": "Beta", "enabled": "yes" } ]""", "feature_management:feature_flags:0:enabled: 'yes' is not a boolean")]
    [InlineData("""[ { "id": "Beta", "enabled": true, "conditions": { "requirement_type": "Any", "client_filters": [ { "name": "Contoso.Browser" } ] } } ]""", "feature_management:feature_flags:0:conditions:client_filters:0:Name: 'Contoso.Browser' is not a filter")]
    [InlineData("""{ "Beta": { "id": "Beta" } }""", "feature_management:feature_flags:Beta: must be a list of flags")]
    public void AddFeatureFlags_MicrosoftSchemaNotExpressible_StartupErrorWithPath(string flags, string expected)
    {
        var error = Should.Throw<FlagConfigurationException>(() => Snapshot($$"""{ "feature_management": { "feature_flags": {{flags}} } }"""));

        error.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), $"problems: {string.Join(" | ", error.Problems)}");
    }

    [Fact]
    public void IsEnabled_FeatureManagementTargetingInOwnSchema_EvaluatedAsThatLibrary()
    {
        const string json = """{ "FeatureFlags": { "Beta": { "FeatureManagementTargeting": { "Users": [ "alice" ], "Groups": [ { "Name": "beta", "RolloutPercentage": 100 } ] } } } }""";
        var configuration = Json(json);

        // No AddMicrosoftFeatureManagementFlags: the property belongs to this library's own schema.
        FlagHarness.Snapshot(configuration, new EvaluationContext("alice")).IsEnabled("Beta").ShouldBeTrue();
        FlagHarness.Snapshot(configuration, new EvaluationContext("Alice")).IsEnabled("Beta").ShouldBeFalse();
        FlagHarness.Snapshot(configuration, new EvaluationContext("bob", ["beta"])).Explain("Beta").Reason.ShouldBe(EvaluationReason.TargetedGroup);
    }

    [Fact]
    public void AddFeatureFlags_FeatureManagementTargetingWithUsers_StartupErrorWithPath()
    {
        var error = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(
            Json("""{ "FeatureFlags": { "Beta": { "Users": [ "alice" ], "FeatureManagementTargeting": { "DefaultRolloutPercentage": 5 } } } }""")));

        error.Problems.ShouldHaveSingleItem().ShouldStartWith("FeatureFlags:Beta:FeatureManagementTargeting: is Microsoft.FeatureManagement's whole audience");
    }

    [Fact]
    public void GetVariant_FeatureManagementVariantsInOwnSchema_AllocatedAsThatLibrary()
    {
        const string json = """
            { "FeatureFlags": { "Buy": { "FeatureManagementVariants": {
                "variants": [ { "name": "blue", "configuration_value": "#00f" }, { "name": "green", "status_override": "Disabled" } ],
                "allocation": { "user": [ { "variant": "green", "users": [ "alice" ] } ], "default_when_enabled": "blue" } } } } }
            """;
        var configuration = Json(json);

        // No AddMicrosoftFeatureManagementFlags: the property belongs to this library's own schema.
        var alice = FlagHarness.Snapshot(configuration, new EvaluationContext("alice"));
        var bob = FlagHarness.Snapshot(configuration, new EvaluationContext("bob"));
        (alice.GetVariant("Buy"), alice.IsEnabled("Buy")).ShouldBe(("green", false));
        // Undeclared, so its value binds as a configuration section.
        (bob.GetVariant("Buy"), bob.IsEnabled("Buy"), bob.GetVariantValue<IConfigurationSection>("Buy")?.Value).ShouldBe(("blue", true, "#00f"));
    }

    [Fact]
    public void GetVariant_FeatureManagementVariantsOnAnOffFlag_ServesTheDefaultWhenDisabled()
    {
        var snapshot = FlagHarness.Snapshot(Json("""
            { "FeatureFlags": { "Buy": { "Enabled": false, "FeatureManagementVariants": {
                "variants": [ { "name": "old" }, { "name": "new" } ], "allocation": { "default_when_disabled": "old", "default_when_enabled": "new" } } } } }
            """));

        (snapshot.GetVariant("Buy"), snapshot.IsEnabled("Buy")).ShouldBe(("old", false));
    }

    [Theory]
    [InlineData("""{ "Users": [ "alice" ], "FeatureManagementVariants": { "variants": [ { "name": "a" } ] } }""", "FeatureFlags:Buy:FeatureManagementVariants: are Microsoft.FeatureManagement's variants and allocation: they go with Enabled, Schedule and FeatureManagementTargeting only")]
    [InlineData("""{ "FeatureManagementVariants": { "allocation": {} } }""", "FeatureFlags:Buy:FeatureManagementVariants:variants: is missing")]
    [InlineData("""{ "FeatureManagementVariants": { "variants": [ { "name": "a" } ], "weights": 1 } }""", "FeatureFlags:Buy:FeatureManagementVariants:weights: is not a property of FeatureManagementVariants")]
    [InlineData("""{ "FeatureManagementVariants": { "variants": [ { "name": "a" } ], "allocation": { "default_when_enabled": "b" } } }""", "FeatureFlags:Buy:FeatureManagementVariants:allocation:default_when_enabled:")]
    public void AddFeatureFlags_FeatureManagementVariantsWrong_StartupErrorWithPath(string flag, string expected)
    {
        var error = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(Json($$"""{ "FeatureFlags": { "Buy": {{flag}} } }""")));

        error.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), $"problems: {string.Join(" | ", error.Problems)}");
    }

    [Fact]
    public void AddFeatureFlags_UserIdsInLists_NeverInTheErrors()
    {
        var error = Should.Throw<FlagConfigurationException>(() => Snapshot(
            """{ "FeatureManagement": { "Beta": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Users": [ "alice@example.com", { "x": 1 } ], "Exclusion": { "Users": "bob@example.com" } } } } ] } } }"""));

        error.Message.ShouldNotContain("alice");
        error.Message.ShouldNotContain("bob");
    }

    private static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();

    private static IFlagSnapshot Snapshot(string json, EvaluationContext? context = null) =>
        FlagHarness.Snapshot(Json(json), context, flags => flags.AddMicrosoftFeatureManagementFlags());
}
