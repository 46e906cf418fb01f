using FeatureFlags.Tables;
using FeatureFlags.Evaluation;

namespace FeatureFlags.Tests.Tables;

public sealed class FlagNameIndexTests
{
    [Fact]
    public void Find_NamesSharingPrefixAndSuffix_EachFindsItsOwnPosition()
    {
        var names = Enumerable.Range(0, 500).Select(i => $"Checkout.Step{i}.Enabled")
            .Concat(Enumerable.Range(0, 500).Select(i => $"Plain{i:000}"))
            .ToArray();

        var index = Index(names);

        for (var i = 0; i < names.Length; i++)
        {
            index.Find(names[i]).ShouldBe(i + 1, names[i]);
        }
    }

    [Theory]
    [InlineData("NewCheckout", "newcheckout")]
    [InlineData("NewCheckout", "NEWCHECKOUT")]
    [InlineData("A", "a")]
    [InlineData("Ab", "aB")]
    [InlineData("Abc", "ABC")]
    [InlineData("Ärger", "äRGER")]
    [InlineData("Ωmega_Flag", "ωMEGA_FLAG")]
    [InlineData("Flag-Ωmega", "flag-ωmega")]
    [InlineData("LongName.Ümlaut.InTheMiddle", "longname.ümlaut.inthemiddle")]
    public void Find_OtherCase_FindsTheFlag(string configured, string asked)
    {
        var index = Index(["Other", configured, "Z"]);

        index.Find(asked).ShouldBe(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Missing")]
    [InlineData("NewCheckou")]
    [InlineData("NewCheckoutt")]
    [InlineData("Ärger")]
    public void Find_UnknownName_IsZero(string asked)
    {
        var index = Index(["NewCheckout", "Recommendations"]);

        index.Find(asked).ShouldBe(0);
    }

    [Fact]
    public void Find_NonAsciiNameAskedBeforeAnyOther_FoundThroughTheFallback()
    {
        var index = Index(["Plain", "Ärger"]);

        index.Find("ÄRGER").ShouldBe(2);
        index.Find("Plain").ShouldBe(1);
    }

    private static FlagNameIndex Index(string[] names) =>
        new(names.Select(n => new CompiledFlag(new FlagCompilation(n, null, null, []))).ToArray(), new int[names.Length]);
}
