using FeatureFlags.Validation;

namespace FeatureFlags.Analyzers.Tests.Shared;

/// <summary>
/// The date parser both the analyzers (FF0001-FF0004, FeatureFlagsToday) and the runtime catalog use;
/// tested here through the analyzer's copy, which is compiled from the same file.
/// </summary>
public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2027-03-31", 2027, 3, 31)]
    [InlineData("2028-02-29", 2028, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void TryParse_IsoDate_ReturnsTheDate(string text, int year, int month, int day)
    {
        IsoDate.TryParse(text, out var date).ShouldBeTrue();

        date.ShouldBe(new DateTime(year, month, day));
        IsoDate.ToText(date).ShouldBe(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2027-3-31")]
    [InlineData("2027-02-29")]
    [InlineData("2027/03/31")]
    [InlineData("2027-03-31 ")]
    [InlineData("+027-03-31")]
    [InlineData("2027-0３-31")]
    public void TryParse_NotAnIsoDate_ReturnsFalse(string? text) =>
        IsoDate.TryParse(text, out _).ShouldBeFalse();
}
