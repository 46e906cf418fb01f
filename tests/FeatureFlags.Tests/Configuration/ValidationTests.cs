using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeatureFlags.Tests.Configuration;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("ture")]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("on")]
    public void Build_NonBooleanShorthand_ErrorNamesPathAndValue(string value)
    {
        var problem = SingleProblem(new Settings { ["FeatureFlags:NewCheckout"] = value });

        problem.ShouldStartWith($"FeatureFlags:NewCheckout: '{value}' is not a boolean");
        problem.ShouldContain("[FeatureFlags:NewCheckout in in-memory configuration]");
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    public void Build_BooleanInAnyCase_IsAccepted(string value, bool expected)
    {
        FlagHarness.Snapshot(new Settings { ["FeatureFlags:X"] = value }).IsEnabled("X").ShouldBe(expected);
    }

    [Theory]
    [InlineData("150", "FeatureFlags:X:Rollout: 150 is outside 0 to 100")]
    [InlineData("-1", "FeatureFlags:X:Rollout: -1 is outside 0 to 100")]
    [InlineData("12,5", "FeatureFlags:X:Rollout: '12,5' is not a number")]
    [InlineData("NaN", "FeatureFlags:X:Rollout: 'NaN' is not a number")]
    [InlineData("ten", "FeatureFlags:X:Rollout: 'ten' is not a number")]
    public void Build_BadRollout_ErrorNamesPath(string rollout, string expected)
    {
        SingleProblem(new Settings { ["FeatureFlags:X:Enabled"] = "true", ["FeatureFlags:X:Rollout"] = rollout })
            .ShouldStartWith(expected);
    }

    [Fact]
    public void Build_EmptyJsonList_IsAnEmptyList()
    {
        // Microsoft.Extensions.Configuration.Json stores [] as an empty string.
        const string json = """{ "FeatureFlags": { "X": { "Users": [], "Groups": [], "Rollout": 100 } } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();

        FlagHarness.Snapshot(configuration).IsEnabled("X").ShouldBeTrue();
    }

    [Fact]
    public void Build_DecimalRollout_IsAccepted()
    {
        FlagHarness.Snapshot(new Settings { ["FeatureFlags:X:Rollout"] = "12.5" }).Explain("X").Reason.ShouldBe(EvaluationReason.Rollout);
    }

    [Theory]
    [InlineData("-5", "FeatureFlags:X:Variants:blue: weight -5 is negative")]
    [InlineData("half", "FeatureFlags:X:Variants:blue: weight 'half' is not a number")]
    [InlineData("0", "FeatureFlags:X:Variants: variant weights sum to 0")]
    public void Build_BadVariantWeights_ErrorNamesPath(string weight, string expected)
    {
        SingleProblem(new Settings { ["FeatureFlags:X:Variants:blue"] = weight, ["FeatureFlags:X:Variants:green"] = "0" })
            .ShouldStartWith(expected);
    }

    [Fact]
    public void Build_MisspeltProperty_ErrorSuggestsTheRightOne()
    {
        SingleProblem(new Settings { ["FeatureFlags:X:Enabeld"] = "true" })
            .ShouldStartWith("FeatureFlags:X:Enabeld: unknown property 'Enabeld' (did you mean 'Enabled'?)");
    }

    [Theory]
    [InlineData("FeatureFlags:X:Users", "alice", "FeatureFlags:X:Users: must be a list of strings")]
    [InlineData("FeatureFlags:X:Groups:name", "beta", "FeatureFlags:X:Groups: must be a list of strings, such as [\"a\", \"b\"], not an object")]
    [InlineData("FeatureFlags:X:Users:0:id", "alice", "FeatureFlags:X:Users:0: must be a string, not an object or a list")]
    public void Build_UsersOrGroupsNotAListOfStrings_ErrorNamesPath(string key, string value, string expected)
    {
        SingleProblem(new Settings { [key] = value }).ShouldStartWith(expected);
    }

    [Theory]
    [InlineData("New Checkout")]
    [InlineData("New/Checkout")]
    [InlineData("Neu$")]
    public void Build_FlagNameWithBadCharacters_ErrorNamesPath(string name)
    {
        SingleProblem(new Settings { [$"FeatureFlags:{name}"] = "true" })
            .ShouldStartWith($"FeatureFlags:{name}: '{name}' is not a valid flag name");
    }

    [Fact]
    public void Build_VariantsOnReleaseFlag_WrongShapeForDeclaredKind()
    {
        var exception = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(
            FlagHarness.Configuration(new Settings { ["FeatureFlags:NewCheckout:Variants:blue"] = "1" }),
            build: b => b.AddCatalog<TestCatalog>()));

        exception.Problems.ShouldHaveSingleItem().ShouldStartWith(
            "FeatureFlags:NewCheckout:Variants: variants are for experiment flags, and this flag is declared as Release");
    }

    [Fact]
    public void Build_EmptyObject_IsAnErrorNotSilentlyOff()
    {
        SingleProblem(new Settings { ["FeatureFlags:X"] = null }).ShouldStartWith("FeatureFlags:X: is empty");
    }

    [Fact]
    public void Build_SeveralProblems_OneExceptionListsEveryOne()
    {
        var exception = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(new Settings
        {
            ["FeatureFlags:A"] = "ture",
            ["FeatureFlags:B:Rollout"] = "150",
            ["FeatureFlags:C:Enabeld"] = "true",
        }));

        exception.Problems.Count.ShouldBe(3);
        exception.Message.ShouldStartWith("The feature flag configuration has 3 problems:");
        foreach (var path in new[] { "FeatureFlags:A:", "FeatureFlags:B:Rollout:", "FeatureFlags:C:Enabeld:" })
        {
            exception.Message.ShouldContain(path);
        }
    }

    [Fact]
    public async Task StartAsync_BadConfiguration_HostStartFailsWithTheList()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Settings { ["FeatureFlags:NewCheckout"] = "ture", ["FeatureFlags:X:Rollout"] = "101" });
        builder.Services.AddFeatureFlags(builder.Configuration);
        using var host = builder.Build();

        var exception = await Should.ThrowAsync<FlagConfigurationException>(() => host.StartAsync());

        exception.Message.ShouldContain("FeatureFlags:NewCheckout: 'ture' is not a boolean");
        exception.Message.ShouldContain("FeatureFlags:X:Rollout: 101 is outside 0 to 100");
    }

    [Fact]
    public void Build_UndeclaredFlagByDefault_WarnsAndStillReadsIt()
    {
        var logs = new LogCapture();
        var services = FlagHarness.Services(
            FlagHarness.Configuration(new Settings { ["FeatureFlags:NewChekout"] = "true" }),
            build: b => b.AddCatalog<TestCatalog>(),
            logs: logs);

        var snapshot = services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot();

        snapshot.IsEnabled("NewChekout").ShouldBeTrue();
        logs.WithEventId(1004).ShouldHaveSingleItem().Message.ShouldContain("did you mean 'NewCheckout'?");
    }

    [Fact]
    public void Build_UndeclaredFlagInStrictMode_IsAnError()
    {
        var services = FlagHarness.Services(
            FlagHarness.Configuration(new Settings { ["FeatureFlags:NewChekout"] = "true" }),
            build: b => b.AddCatalog<TestCatalog>(),
            options: o => o.TreatUndeclaredFlagsAsErrors = true);

        Should.Throw<FlagConfigurationException>(() => services.GetRequiredService<IFlagSnapshotFactory>())
            .Problems.ShouldHaveSingleItem().ShouldContain("FeatureFlags:NewChekout: no registered catalog declares the flag 'NewChekout'");
    }

    [Fact]
    public void Build_TwoCatalogsDeclareOneName_IsAnError()
    {
        var services = FlagHarness.Services(
            FlagHarness.Configuration(),
            build: b => b.AddCatalog<TestCatalog>().AddCatalog(new FlagCatalog("Other", [new FlagDefinition("newcheckout", FlagKind.Ops)])));

        Should.Throw<FlagConfigurationException>(() => services.GetRequiredService<IFlagSnapshotFactory>())
            .Problems.ShouldHaveSingleItem().ShouldContain("declared twice");
    }

    [Fact]
    public void Build_VariantWeightsSummingPastTheLargestNumber_ErrorNamesPath()
    {
        var weight = new string('9', 308);

        SingleProblem(new Settings { ["FeatureFlags:X:Variants:blue"] = weight, ["FeatureFlags:X:Variants:green"] = weight })
            .ShouldStartWith("FeatureFlags:X:Variants: variant weights sum to more than a number can hold");
    }

    [Theory]
    [InlineData("""{ "FeatureFlags": "true" }""")]
    [InlineData("""{ "FeatureFlags": 5 }""")]
    public void Build_SectionIsAPlainValue_ErrorNamesTheSection(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();

        Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(configuration)).Problems.ShouldHaveSingleItem()
            .ShouldStartWith("FeatureFlags: must be an object of flag names and their configuration, not a single value");
    }

    [Fact]
    public void Build_SectionAsEnvironmentVariable_ErrorNamesTheVariable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Settings { ["FeatureFlags:A"] = "true" }).Build();
        Environment.SetEnvironmentVariable("FFTEST_SECTION_FeatureFlags", "garbage");
        try
        {
            var withVariables = new ConfigurationBuilder().AddConfiguration(configuration).AddEnvironmentVariables("FFTEST_SECTION_").Build();

            Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(withVariables)).Problems.ShouldHaveSingleItem()
                .ShouldBe("FeatureFlags: must be an object of flag names and their configuration, not a single value ('garbage') [FFTEST_SECTION_FeatureFlags in environment variables]");
        }
        finally
        {
            Environment.SetEnvironmentVariable("FFTEST_SECTION_FeatureFlags", null);
        }
    }

    [Fact]
    public void Build_SectionIsAList_ErrorSaysItMustBeAnObject()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream("""{ "FeatureFlags": [true] }"""u8.ToArray())).Build();

        Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(configuration)).Problems.ShouldHaveSingleItem()
            .ShouldStartWith("FeatureFlags:0: '0' is not a valid flag name: configuration makes a list item of a number, so the flags section must be an object");
    }

    [Fact]
    public void Build_SectionGivenAsSectionIsAPlainValue_ErrorNamesTheSection()
    {
        var configuration = FlagHarness.Configuration(new Settings { ["FeatureFlags"] = "true" });

        Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(configuration.GetSection("FeatureFlags"))).Problems.ShouldHaveSingleItem()
            .ShouldStartWith("FeatureFlags: must be an object of flag names");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Build_SectionEmpty_HasNoFlagsAndNoProblem(string? value)
    {
        FlagHarness.Snapshot(new Settings { ["FeatureFlags"] = value }).ExplainAll().ShouldBeEmpty();
    }

    [Fact]
    public void Build_VariantsOnUndeclaredFlag_AcceptedWithTheUndeclaredWarning()
    {
        // Variants are refused on a flag declared with another kind; an undeclared flag has no kind to check.
        var logs = new LogCapture();
        var snapshot = FlagHarness.Services(
                FlagHarness.Configuration(new Settings { ["FeatureFlags:Colour:Variants:blue"] = "1" }),
                build: b => b.AddCatalog<TestCatalog>(),
                logs: logs)
            .GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot();

        snapshot.GetVariant("Colour").ShouldBe("blue");
        logs.WithEventId(1004).ShouldHaveSingleItem();
    }

    private static string SingleProblem(Settings settings) =>
        Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(settings)).Problems.ShouldHaveSingleItem();
}
