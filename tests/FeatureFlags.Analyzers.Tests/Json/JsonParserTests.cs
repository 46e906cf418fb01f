using FeatureFlags.Analyzers.Json;

namespace FeatureFlags.Analyzers.Tests.Json;

public sealed class JsonParserTests
{
    [Fact]
    public void Parse_NestedDocument_KeepsValuesAndPositions()
    {
        const string text = "\uFEFF{ \"a\": [1, -2.5e3, \"x\\u0041\\n\"], /* c */ \"b\": { \"c\": null, \"d\": false, }, }";

        var root = JsonParser.Parse(text);

        root.Kind.ShouldBe(JsonKind.Object);
        root.Properties.Select(p => p.Name).ShouldBe(["a", "b"]);
        var a = root.Properties[0];
        text.Substring(a.NameSpan.Start, a.NameSpan.Length).ShouldBe("\"a\"");
        a.Value.Items.Select(i => i.Text).ShouldBe(["1", "-2.5e3", "xA\n"]);
        var b = root.Properties[1].Value;
        b.Properties.Select(p => p.Value.Kind).ShouldBe([JsonKind.Null, JsonKind.False]);
        text.Substring(b.Properties[1].Value.Span.Start, b.Properties[1].Value.Span.Length).ShouldBe("false");
    }

    [Theory]
    [InlineData("{ \"a\": ture }", 7)]
    [InlineData("{ \"a\": 1 \"b\": 2 }", 9)]
    [InlineData("{ \"a\": \"open }", 7)]
    [InlineData("{ a: 1 }", 2)]
    [InlineData("{ \"a\": 1 } x", 11)]
    [InlineData("{ \"a\": 1.}", 7)]
    [InlineData("{ \"a\": 01 }", 7)]
    [InlineData("{ \"a\": \"\\q\" }", 8)]
    [InlineData("{ /* open", 2)]
    [InlineData("", 0)]
    public void Parse_InvalidJson_ThrowsWithPosition(string text, int position)
    {
        var error = Should.Throw<JsonException>(() => JsonParser.Parse(text));

        error.Position.ShouldBe(position);
    }

    [Fact]
    public void Parse_TooDeep_ThrowsInsteadOfOverflowing()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        Should.Throw<JsonException>(() => JsonParser.Parse(text)).Message.ShouldContain("levels deep");
    }
}
