namespace FeatureFlags.Tests.Evaluation;

/// <summary>Rules on context attributes, every operator, with the evaluation order and what Explain says.</summary>
public sealed class AudienceRuleTests
{
    [Theory]
    [InlineData("In", "NL|BE", "be", true)]
    [InlineData("In", "NL|BE", "DE", false)]
    [InlineData("NotIn", "NL|BE", "DE", true)]
    [InlineData("NotIn", "NL|BE", "nl", false)]
    [InlineData("Equals", "pro", "PRO", true)]
    [InlineData("Equals", "pro", "free", false)]
    [InlineData("StartsWith", "acme-", "ACME-eu", true)]
    [InlineData("StartsWith", "acme-", "beta-acme", false)]
    [InlineData("EndsWith", "@example.com", "ann@Example.COM", true)]
    [InlineData("EndsWith", "@example.com", "ann@example.org", false)]
    [InlineData("Contains", "tablet", "ipad-Tablet-9", true)]
    [InlineData("Contains", "tablet", "phone", false)]
    [InlineData("Matches", "^[a-z]{2}-[0-9]+$", "eu-42", true)]
    [InlineData("Matches", "^[a-z]{2}-[0-9]+$", "eu-x", false)]
    [InlineData("LessThan", "10", "9.5", true)]
    [InlineData("LessThan", "10", "10", false)]
    [InlineData("LessThanOrEqual", "10", "10", true)]
    [InlineData("GreaterThan", "10", "10.01", true)]
    [InlineData("GreaterThan", "10", "abc", false)]
    [InlineData("GreaterThanOrEqual", "1e3", "1000", true)]
    [InlineData("VersionEquals", "2.3", "2.3.0", true)]
    [InlineData("VersionLessThan", "2.3.0", "2.3.0-beta.2", true)]
    [InlineData("VersionLessThan", "2.3.0", "2.10.0", false)]
    [InlineData("VersionLessThanOrEqual", "2.3.0", "2.3.0", true)]
    [InlineData("VersionGreaterThan", "2.3.0-beta.2", "2.3.0-beta.10", true)]
    [InlineData("VersionGreaterThanOrEqual", "2.3", "v2.3.1", true)]
    [InlineData("VersionGreaterThanOrEqual", "2.3", "2.2.9", false)]
    [InlineData("VersionGreaterThanOrEqual", "2.3", "latest", false)]
    [InlineData("Before", "2027-01-01", "2026-12-31T23:59:59Z", true)]
    [InlineData("Before", "2027-01-01T00:00:00+01:00", "2026-12-31T23:30:00Z", false)]
    [InlineData("After", "2027-01-01", "2027-01-01T00:00:01Z", true)]
    [InlineData("After", "2027-01-01", "yesterday", false)]
    public void Evaluate_Operator_MatchesAsDocumented(string op, string configured, string attribute, bool expected)
    {
        var settings = Flag("F", ("Rules:0:When:a:" + op, configured));

        var evaluation = FlagHarness.Snapshot(settings, Context(("a", attribute))).Explain("F");

        evaluation.IsEnabled.ShouldBe(expected);
        evaluation.Reason.ShouldBe(expected ? EvaluationReason.RuleMatch : EvaluationReason.NotTargeted);
    }

    [Theory]
    [InlineData("In")]
    [InlineData("NotIn")]
    [InlineData("Equals")]
    public void Evaluate_AttributeMissing_NeverMatches(string op)
    {
        FlagHarness.Snapshot(Flag("F", ("Rules:0:When:country:" + op, "NL")), Context(("plan", "pro"))).IsEnabled("F").ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_CaseSensitive_ComparesExactly()
    {
        var settings = Flag("F", ("Rules:0:When:plan:Equals", "Pro"), ("Rules:0:When:plan:CaseSensitive", "true"));

        FlagHarness.Snapshot(settings, Context(("plan", "Pro"))).IsEnabled("F").ShouldBeTrue();
        FlagHarness.Snapshot(settings, Context(("plan", "pro"))).IsEnabled("F").ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_ConditionsAndWithinRuleOrBetweenRules_FirstMatchingRuleDecides()
    {
        var settings = Flag(
            "F",
            ("Rules:0:When:plan:In", "pro"),
            ("Rules:0:When:country:In", "NL|BE"),
            ("Rules:1:When:beta:Equals", "true"));

        FlagHarness.Snapshot(settings, Context(("plan", "pro"), ("country", "NL"))).Explain("F").DecidingRule.ShouldBe("Rules:0");
        FlagHarness.Snapshot(settings, Context(("plan", "pro"), ("country", "DE"))).IsEnabled("F").ShouldBeFalse();
        var second = FlagHarness.Snapshot(settings, Context(("plan", "free"), ("beta", "TRUE"))).Explain("F");
        second.IsEnabled.ShouldBeTrue();
        second.DecidingRule.ShouldBe("Rules:1");
        second.DecidingSource.ShouldNotBeNull().Key.ShouldBe("FeatureFlags:F:Rules:1");
        second.ToString().ShouldStartWith("F: on (RuleMatch Rules:1;");
    }

    [Fact]
    public void Evaluate_TwoOperatorsOnOneAttribute_BothMustHold()
    {
        var settings = Flag("F", ("Rules:0:When:appVersion:VersionGreaterThanOrEqual", "2.3"), ("Rules:0:When:appVersion:VersionLessThan", "3.0"));

        FlagHarness.Snapshot(settings, Context(("appVersion", "2.9.1"))).IsEnabled("F").ShouldBeTrue();
        FlagHarness.Snapshot(settings, Context(("appVersion", "3.0.0"))).IsEnabled("F").ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_RuleRollout_StickyShareOfMatchingContexts()
    {
        var settings = Flag("F", ("Rules:0:When:plan:In", "pro"), ("Rules:0:Rollout", "30"));
        var snapshot = FlagHarness.Snapshot(settings);

        var on = Enumerable.Range(0, 2000).Count(i => FlagHarness.Snapshot(settings, Context($"user-{i}", ("plan", "pro"))).IsEnabled("F"));
        var again = Enumerable.Range(0, 2000).Count(i => FlagHarness.Snapshot(settings, Context($"user-{i}", ("plan", "pro"))).IsEnabled("F"));

        on.ShouldBeInRange(520, 680);
        again.ShouldBe(on);
        snapshot.Explain("F").Reason.ShouldBe(EvaluationReason.NotTargeted);
    }

    [Fact]
    public void Evaluate_ExcludedUserAlsoOnAllowList_Excluded()
    {
        var settings = Flag("F", ("Users", "alice|bob"), ("Exclude:Groups", "legal-hold"), ("Exclude:Users", "carol"));

        var alice = FlagHarness.Snapshot(settings, new EvaluationContext("alice", ["legal-hold"])).Explain("F");

        alice.IsEnabled.ShouldBeFalse();
        alice.Reason.ShouldBe(EvaluationReason.Excluded);
        alice.DecidingRule.ShouldBe("Exclude");
        alice.DecidingSource.ShouldNotBeNull().Key.ShouldBe("FeatureFlags:F:Exclude");
        FlagHarness.Snapshot(settings, new EvaluationContext("bob")).IsEnabled("F").ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_ExclusionAlone_OnForEverybodyElse()
    {
        var settings = Flag("F", ("Exclude:Users", "carol"));

        FlagHarness.Snapshot(settings, new EvaluationContext("dave")).Explain("F").Reason.ShouldBe(EvaluationReason.NotTargeted);
        FlagHarness.Snapshot(settings, new EvaluationContext("carol")).Explain("F").Reason.ShouldBe(EvaluationReason.Excluded);
    }

    [Fact]
    public void Evaluate_Segment_MemberOnNamedBySegment()
    {
        var settings = Flag("F", ("Segments", "ProBenelux"));
        settings["FeatureFlagSegments:ProBenelux:Rules:0:When:plan:In:0"] = "pro";
        settings["FeatureFlagSegments:ProBenelux:Rules:0:When:country:In:0"] = "NL";
        settings["FeatureFlagSegments:ProBenelux:Rules:0:When:country:In:1"] = "BE";

        var member = FlagHarness.Snapshot(settings, Context(("plan", "pro"), ("country", "BE"))).Explain("F");

        member.IsEnabled.ShouldBeTrue();
        member.Reason.ShouldBe(EvaluationReason.SegmentMatch);
        member.DecidingRule.ShouldBe("Segments:ProBenelux");
        member.DecidingSource.ShouldNotBeNull().Key.ShouldStartWith("FeatureFlagSegments:ProBenelux");
        FlagHarness.Snapshot(settings, Context(("plan", "free"), ("country", "BE"))).IsEnabled("F").ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_SegmentIncludingSegmentAndExcludedSegment_ExclusionWins()
    {
        var settings = Flag("F", ("Segments", "Staff"), ("Exclude:Segments", "LegalHold"));
        settings["FeatureFlagSegments:Staff:Segments:0"] = "Admins";
        settings["FeatureFlagSegments:Admins:Users:0"] = "alice";
        settings["FeatureFlagSegments:Admins:Users:1"] = "bob";
        settings["FeatureFlagSegments:LegalHold:Groups:0"] = "legal-hold";

        FlagHarness.Snapshot(settings, new EvaluationContext("alice")).IsEnabled("F").ShouldBeTrue();
        FlagHarness.Snapshot(settings, new EvaluationContext("bob", ["legal-hold"])).Explain("F").Reason.ShouldBe(EvaluationReason.Excluded);
    }

    [Fact]
    public void Evaluate_ExampleFromTheIssue_OneFlag()
    {
        // On for pro-plan customers in NL and BE on app version 2.3 or later, except the ones in the legal-hold group.
        var settings = Flag(
            "NewCheckout",
            ("Rules:0:When:plan:In", "pro"),
            ("Rules:0:When:country:In", "NL|BE"),
            ("Rules:0:When:appVersion:VersionGreaterThanOrEqual", "2.3"),
            ("Exclude:Groups", "legal-hold"));

        FlagHarness.Snapshot(settings, Context(("plan", "pro"), ("country", "NL"), ("appVersion", "2.4.0"))).IsEnabled("NewCheckout").ShouldBeTrue();
        FlagHarness.Snapshot(settings, Context(("plan", "pro"), ("country", "NL"), ("appVersion", "2.2.9"))).IsEnabled("NewCheckout").ShouldBeFalse();
        FlagHarness.Snapshot(settings, new EvaluationContext("x", ["legal-hold"], new("plan", "pro"), new("country", "NL"), new("appVersion", "2.4"))).IsEnabled("NewCheckout").ShouldBeFalse();
    }

    /// <summary>Settings for one flag: each property path below the flag and its value; "a|b" is a list.</summary>
    internal static Settings Flag(string name, params (string Path, string Value)[] properties)
    {
        var settings = new Settings { [$"FeatureFlags:{name}:Enabled"] = "true" };
        foreach (var (path, value) in properties)
        {
            var isList = value.Contains('|', StringComparison.Ordinal) || path.EndsWith(":In", StringComparison.Ordinal) || path.EndsWith(":NotIn", StringComparison.Ordinal)
                || path.EndsWith("Users", StringComparison.Ordinal) || path.EndsWith("Groups", StringComparison.Ordinal) || path.EndsWith("Segments", StringComparison.Ordinal);
            if (isList)
            {
                var items = value.Split('|');
                for (var i = 0; i < items.Length; i++)
                {
                    settings[$"FeatureFlags:{name}:{path}:{i}"] = items[i];
                }
            }
            else
            {
                settings[$"FeatureFlags:{name}:{path}"] = value;
            }
        }

        return settings;
    }

    private static EvaluationContext Context(params (string Name, string Value)[] attributes) => Context("someone", attributes);

    private static EvaluationContext Context(string key, params (string Name, string Value)[] attributes) =>
        new(key, null, attributes.Select(a => new ContextAttribute(a.Name, a.Value)).ToArray());
}
