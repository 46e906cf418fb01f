using System.Text.Json;
using FeatureFlags.CodeFixes.Removal;

namespace FeatureFlags.CodeFixes.Tests.Removal;

public sealed class JsonListItemRemoverTests
{
    private const string Text = """
        { "list": [
            { "id": "A" }, // first
            { "id": "B" },
            { "id": "C" }
          ] }
        """;

    [Theory]
    [InlineData(new[] { 0 }, "B,C")]
    [InlineData(new[] { 1 }, "A,C")]
    [InlineData(new[] { 2 }, "A,B")]
    [InlineData(new[] { 0, 2 }, "B")]
    [InlineData(new[] { 1, 2 }, "A")]
    [InlineData(new[] { 0, 1 }, "C")]
    [InlineData(new[] { 0, 1, 2 }, "")]
    [InlineData(new int[0], "A,B,C")]
    public void RemoveItems_SomeItems_LeavesValidJsonWithTheOthersInOrder(int[] removed, string expected)
    {
        var edited = JsonListItemRemover.RemoveItems(Text, "list", removed.ToHashSet());

        using var document = JsonDocument.Parse(edited, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var ids = document.RootElement.GetProperty("list").EnumerateArray().Select(item => item.GetProperty("id").GetString());
        string.Join(",", ids).ShouldBe(expected);
    }

    [Fact]
    public void RemoveItems_NoSuchList_ReturnsTheTextAsItIs()
    {
        JsonListItemRemover.RemoveItems(Text, "feature_management:feature_flags", new HashSet<int> { 0 }).ShouldBe(Text);
    }

    [Fact]
    public void RemoveItems_MiddleItem_KeepsTheFormattingAround()
    {
        var edited = JsonListItemRemover.RemoveItems(Text, "list", new HashSet<int> { 1 });

        edited.ShouldBe("""
            { "list": [
                { "id": "A" }, // first
                { "id": "C" }
              ] }
            """);
    }
}
