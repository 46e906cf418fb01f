using FeatureFlags.Validation;

namespace FeatureFlags.Tests.Validation;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("Enabeld", "Enabled")]
    [InlineData("enabled", "Enabled")]
    [InlineData("NewChekout", "NewCheckout")]
    [InlineData("NewCheckoutt", "NewCheckout")]
    [InlineData("ewCheckout", "NewCheckout")]
    public void Nearest_CloseName_Found(string name, string expected)
    {
        NameSuggestions.Nearest(name, ["Enabled", "Users", "NewCheckout", "Recommendations"]).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("Rollout", "Enabled")]
    [InlineData("abc", "xyz")]
    [InlineData("NewCheckout", "OldCheckin")]
    public void Nearest_FarName_NothingFound(string name, string candidate)
    {
        NameSuggestions.Nearest(name, [candidate]).ShouldBeEmpty();
    }

    [Fact]
    public void Nearest_SeveralClose_ClosestFirstAtMostThree()
    {
        NameSuggestions.Nearest("Flag1", ["Flag12", "Flag1x", "Flag2", "Flog1", "Flag1"]).ShouldBe(["Flag1", "Flag12", "Flag1x"]);
    }

    [Fact]
    public void Nearest_NameLongerThanTheCap_NoSearch()
    {
        var name = new string('a', NameSuggestions.MaxNameLength + 1);

        NameSuggestions.Nearest(name, [name]).ShouldBeEmpty();
    }

    [Fact]
    public void Nearest_MatchPastTheBudget_NotSearchedFor()
    {
        // 100,000 candidates of the name's length: comparing all of them is what made one unknown read take 70 ms.
        var candidates = Enumerable.Range(0, 100_000).Select(i => $"Other-{i:00000}").Append("Target-Name").ToArray();

        NameSuggestions.Nearest("Target-Nmae", candidates).ShouldBeEmpty();
        NameSuggestions.Nearest("Target-Nmae", Enumerable.Reverse(candidates)).ShouldBe(["Target-Name"]);
    }
}
