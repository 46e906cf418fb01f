using System.Collections.Generic;
using System.Linq;
using System.Text;
using FeatureFlags.Analyzers.Json;

namespace FeatureFlags.CodeFixes.Removal;

/// <summary>
/// Takes items out of a JSON list as text edits, so that the rest of the file keeps its formatting and comments: what
/// <c>featureflags migrate</c> does to the <c>feature_management:feature_flags</c> items it moves.
/// </summary>
internal static class JsonListItemRemover
{
    /// <summary>
    /// <paramref name="text"/> without the items at <paramref name="indices"/> of the list at <paramref name="path"/>
    /// (<c>feature_management:feature_flags</c>, names ignoring case), with their separators: an item goes up to the next
    /// one's start; a run of items at the end goes from the end of the last item kept. The text as it is when it has no
    /// such list.
    /// </summary>
    public static string RemoveItems(string text, string path, ICollection<int> indices)
    {
        if (indices.Count == 0 || JsonParser.Parse(text).At(path) is not { Kind: JsonKind.Array } list)
        {
            return text;
        }

        var items = list.Items;

        var lastKept = -1;
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (!indices.Contains(i))
            {
                lastKept = i;
                break;
            }
        }

        var ranges = new List<(int Start, int End)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (indices.Contains(i) && i < lastKept)
            {
                ranges.Add((items[i].Span.Start, items[i + 1].Span.Start));
            }
        }

        if (lastKept < items.Count - 1)
        {
            // The run at the end: from the last item kept (or the list's opening bracket) to the end of the last item.
            ranges.Add((lastKept >= 0 ? items[lastKept].Span.End : list.Span.Start + 1, items[items.Count - 1].Span.End));
        }

        var result = new StringBuilder(text);
        foreach (var (start, end) in ranges.OrderByDescending(r => r.Start))
        {
            result.Remove(start, end - start);
        }

        return result.ToString();
    }
}
