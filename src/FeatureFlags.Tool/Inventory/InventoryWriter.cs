using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FeatureFlags.Tool.Inventory;

/// <summary>Writes an <see cref="InventoryReport"/> as a console table, as Markdown (a CI job summary, a pull-request comment), or as JSON.</summary>
internal static class InventoryWriter
{
    public static string Table(InventoryReport report) => Render(report, markdown: false);

    public static string Markdown(InventoryReport report) => Render(report, markdown: true);

    /// <summary>The stable JSON form: property names and meanings are documented in docs/tool.md; new properties may be added.</summary>
    public static string Json(InventoryReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("today", report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("flags");
            foreach (var flag in report.Flags)
            {
                json.WriteStartObject();
                json.WriteString("name", flag.Name);
                json.WriteString("catalog", flag.Catalog);
                json.WriteString("kind", flag.Kind);
                json.WriteString("owner", flag.Owner);
                json.WriteString("description", flag.Description);
                json.WriteString("expires", flag.Expires);
                if (flag.DaysLeft is { } days)
                {
                    json.WriteNumber("daysLeft", days);
                }
                else
                {
                    json.WriteNull("daysLeft");
                }

                json.WriteString("removalIssue", flag.RemovalIssue);
                json.WriteStartObject("environments");
                foreach (var (environment, value) in flag.Environments)
                {
                    json.WriteString(environment, value);
                }

                json.WriteEndObject();
                json.WriteNumber("uses", flag.Uses);
                WriteStrings(json, "status", flag.Status);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("undeclared");
            foreach (var flag in report.Undeclared)
            {
                json.WriteStartObject();
                json.WriteString("name", flag.Name);
                WriteStrings(json, "files", flag.Files);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Render(InventoryReport report, bool markdown)
    {
        var environments = report.Flags.SelectMany(f => f.Environments.Keys).Distinct().ToList();
        var header = new List<string> { "flag", "kind", "owner", "expires" };
        header.AddRange(environments);
        header.AddRange(["uses", "status"]);
        var rows = report.Flags.Select(f =>
        {
            var row = new List<string>
            {
                f.Name,
                f.Kind,
                f.Owner ?? "",
                f.Expires is null ? "" : f.Expires + (f.DaysLeft is { } d ? (d < 0 ? $" ({-d} d ago)" : $" ({d} d left)") : ""),
            };
            row.AddRange(environments.Select(e => f.Environments.TryGetValue(e, out var v) ? v : ""));
            row.Add(f.Uses.ToString(CultureInfo.InvariantCulture));
            row.Add(string.Join("; ", f.Status));
            return row;
        }).ToList();

        var text = new StringBuilder();
        if (markdown)
        {
            text.AppendLine("| " + string.Join(" | ", header) + " |");
            text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
            foreach (var row in rows)
            {
                text.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            }
        }
        else
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToList();
            text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
            text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in rows)
            {
                text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            }
        }

        foreach (var flag in report.Undeclared)
        {
            text.AppendLine();
            text.Append(markdown ? "- " : string.Empty)
                .AppendLine($"'{flag.Name}' is configured in {string.Join(", ", flag.Files)} but no catalog declares it");
        }

        return text.ToString();
    }
}
