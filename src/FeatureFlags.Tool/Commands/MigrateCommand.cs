using FeatureFlags.Analyzers.Json;
using FeatureFlags.CodeFixes.Removal;
using FeatureFlags.Tool.Migration;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Tool.Commands;

/// <summary>
/// <c>featureflags migrate</c>: moves the flags of Microsoft.FeatureManagement's <c>FeatureManagement</c> section into
/// this library's <c>FeatureFlags</c> section, in every <c>appsettings*.json</c> of a project, wherever the converted flag
/// answers exactly as the original (<see cref="FeatureManagementConverter"/>), and lists the rest with the reason. A flag
/// moves only if it converts in every file that defines it: half in each section would be a start-up error. Nor does it
/// move where an environment's file layers over <c>appsettings.json</c> in a way the two libraries read differently
/// (<see cref="LayeringProblem"/>). Text edits: the files keep their formatting and comments.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string folder, bool dryRun, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(folder);
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "appsettings*.json").Order(StringComparer.Ordinal).ToList()
            : throw new ToolException($"{directory} is not a folder.");
        await progress.WriteLineAsync($"Reading {files.Count} settings file{(files.Count == 1 ? string.Empty : "s")} in {directory}").ConfigureAwait(false);

        // Pass 1: what each file's flags convert to.
        var texts = new Dictionary<string, string>();
        var conversions = new List<Conversion>();
        var definitions = new Dictionary<(string File, string Flag), JsonNode>();
        var lists = new Dictionary<string, JsonNode>();
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            texts[file] = text;
            JsonNode root;
            try
            {
                root = JsonParser.Parse(text);
            }
            catch (JsonException e)
            {
                throw new ToolException($"{Path.GetFileName(file)} is not valid JSON: {e.Message}");
            }

            foreach (var flag in root.At(FeatureManagementRules.SectionName)?.Properties ?? [])
            {
                var (json, why) = FeatureManagementConverter.Convert(flag.Name, flag.Value);
                conversions.Add(new(file, flag.Name, json, why));
                definitions[(file, flag.Name.ToUpperInvariant())] = flag.Value;
            }

            if (root.At(MicrosoftSchemaRules.SectionName) is { Kind: JsonKind.Array } list)
            {
                lists[file] = list;
            }
        }

        foreach (var (file, list) in lists)
        {
            for (var index = 0; index < list.Items.Count; index++)
            {
                var (id, json, why) = FeatureManagementConverter.ConvertItem(index, list.Items[index], texts[file]);
                if (json is not null && lists.Count > 1)
                {
                    // Configuration merges lists item by item, by place: taking one out of a file would shift the rest.
                    (json, why) = (null, $"the feature_flags lists of {string.Join(", ", lists.Keys.Select(Path.GetFileName))} merge item by item; taking one out would change the items after it");
                }

                conversions.Add(new(file, id ?? $"feature_flags[{index}]", json, why, index));
            }
        }

        // An environment's file over appsettings.json: where the two libraries layer it differently, it cannot move.
        var baseline = files.FirstOrDefault(f => string.Equals(Path.GetFileName(f), "appsettings.json", StringComparison.OrdinalIgnoreCase));
        for (var i = 0; i < conversions.Count; i++)
        {
            var (file, flag, json, _, item) = conversions[i];
            if (json is not null && item < 0 && baseline is not null && file != baseline &&
                definitions.TryGetValue((baseline, flag.ToUpperInvariant()), out var earlier) &&
                LayeringProblem(definitions[(file, flag.ToUpperInvariant())], earlier) is { } problem)
            {
                conversions[i] = conversions[i] with { Json = null, NotConverted = problem };
            }
        }

        // A flag moves only where every file's definition of it converts.
        var blocked = conversions.Where(c => c.Json is null).Select(c => c.Flag).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Pass 2: the edits.
        foreach (var file in files)
        {
            var moving = conversions.Where(c => c.File == file && c.Json is not null && !blocked.Contains(c.Flag)).ToList();
            var text = texts[file];
            if (lists.ContainsKey(file))
            {
                text = JsonListItemRemover.RemoveItems(text, MicrosoftSchemaRules.SectionName, moving.Where(c => c.Item >= 0).Select(c => c.Item).ToHashSet());
            }

            text = AppSettingsWriter.SetAll(text, FlagRules.DefaultSectionName, moving.Select(c => new KeyValuePair<string, string>(c.Flag, c.Json!)).ToList());
            foreach (var conversion in moving.Where(c => c.Item < 0))
            {
                text = AppSettingsFlagRemover.Remove(SourceText.From(text), conversion.Flag, FeatureManagementRules.SectionName)?.ToString() ?? text;
            }

            texts[file] = text;
        }

        foreach (var (file, text) in texts)
        {
            if (!dryRun && text != await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false))
            {
                await File.WriteAllTextAsync(file, text, cancellationToken).ConfigureAwait(false);
            }
        }

        Report(output, conversions, blocked, dryRun);
        return 0;
    }

    /// <summary>
    /// Why a flag that converts in an environment's file must stay, given its definition in <c>appsettings.json</c>:
    /// configuration layers the first over the second, and Microsoft.FeatureManagement reads the two merged key by key
    /// (a <c>true</c> wins; any other value leaves the filters of either file to decide), where this library lets a later
    /// value replace the whole flag and a later object replace the properties it names. They agree when the later file
    /// says <c>true</c>, or when both say a plain value; null then.
    /// </summary>
    private static string? LayeringProblem(JsonNode environment, JsonNode baseline)
    {
        static bool IsPlain(JsonNode node) => node.Kind is not (JsonKind.Object or JsonKind.Array);
        var isTrue = environment.Kind == JsonKind.True || (environment.Kind == JsonKind.String && bool.TryParse(environment.Text, out var on) && on);
        if (IsPlain(environment) && (isTrue || IsPlain(baseline)))
        {
            return null;
        }

        return IsPlain(environment)
            ? "its value here does not turn off the filters appsettings.json gives it: Microsoft.FeatureManagement merges the two files key by key and keeps them (converted, the value would win); say the same in both files, then migrate"
            : "appsettings.json defines it too, and Microsoft.FeatureManagement merges the two key by key, which this library's precedence (a later object replaces the properties it names) does not reproduce; define it in one of them, then migrate";
    }

    private static void Report(TextWriter output, List<Conversion> conversions, HashSet<string> blocked, bool dryRun)
    {
        static string Section(Conversion c) => c.Item < 0 ? FeatureManagementRules.SectionName : "feature_management";
        var moved = conversions.Where(c => c.Json is not null && !blocked.Contains(c.Flag)).ToList();
        var sections = moved.Count == 0 ? FeatureManagementRules.SectionName : string.Join(" and ", moved.Select(Section).Distinct());
        output.WriteLine($"{(dryRun ? "Would move" : "Moved")} {moved.Count} flag value{(moved.Count == 1 ? string.Empty : "s")} from {sections} to FeatureFlags, each answering as before:");
        foreach (var c in moved)
        {
            output.WriteLine($"  {Path.GetFileName(c.File)}  {c.Flag}: {c.Json}");
        }

        var kept = conversions.Where(c => c.Json is null || blocked.Contains(c.Flag)).ToList();
        if (kept.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Not converted ({kept.Count}); keep AddMicrosoftFeatureManagementFlags() while any remain:");
            foreach (var c in kept)
            {
                output.WriteLine($"  {Path.GetFileName(c.File)}  {c.Flag}{(c.Item < 0 ? string.Empty : " (feature_management)")}: {c.NotConverted ?? "another file's definition of it does not convert, and a flag cannot be half in each section"}");
            }
        }
    }

    /// <summary>What one definition of a flag converts to, or why it stays.</summary>
    /// <param name="File">The settings file.</param>
    /// <param name="Flag">The flag's name (its id, for an item of <c>feature_management:feature_flags</c>).</param>
    /// <param name="Json">What to write under <c>FeatureFlags</c>; null when it stays.</param>
    /// <param name="NotConverted">Why it stays.</param>
    /// <param name="Item">Its place in <c>feature_management:feature_flags</c>; -1 for the <c>FeatureManagement</c> section.</param>
    private sealed record Conversion(string File, string Flag, string? Json, string? NotConverted, int Item = -1);
}
