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
/// moves only if it converts in every file that defines it: half in each section would be a start-up error. Text edits:
/// the files keep their formatting and comments.
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
        var conversions = new List<(string File, string Flag, string? Json, string? NotConverted)>();
        var otherSchema = new List<string>();
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

            foreach (var property in root.Properties)
            {
                if (FeatureManagementRules.Is(property.Name, FeatureManagementRules.SectionName))
                {
                    foreach (var flag in property.Value.Properties)
                    {
                        var (json, why) = FeatureManagementConverter.Convert(flag.Name, flag.Value);
                        conversions.Add((file, flag.Name, json, why));
                    }
                }
                else if (FeatureManagementRules.Is(property.Name, "feature_management"))
                {
                    otherSchema.Add(Path.GetFileName(file));
                }
            }
        }

        // A flag moves only where every file's definition of it converts.
        var blocked = conversions.Where(c => c.Json is null).Select(c => c.Flag).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Pass 2: the edits.
        foreach (var file in files)
        {
            var moving = conversions.Where(c => c.File == file && c.Json is not null && !blocked.Contains(c.Flag)).Select(c => new KeyValuePair<string, string>(c.Flag, c.Json!)).ToList();
            var text = AppSettingsWriter.SetAll(texts[file], FlagRules.DefaultSectionName, moving);
            foreach (var (flag, _) in moving)
            {
                text = AppSettingsFlagRemover.Remove(SourceText.From(text), flag, FeatureManagementRules.SectionName)?.ToString() ?? text;
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

        Report(output, conversions, blocked, otherSchema, dryRun);
        return 0;
    }

    private static void Report(TextWriter output, List<(string File, string Flag, string? Json, string? NotConverted)> conversions, HashSet<string> blocked, List<string> otherSchema, bool dryRun)
    {
        var moved = conversions.Where(c => c.Json is not null && !blocked.Contains(c.Flag)).ToList();
        output.WriteLine($"{(dryRun ? "Would move" : "Moved")} {moved.Count} flag value{(moved.Count == 1 ? string.Empty : "s")} from FeatureManagement to FeatureFlags, each answering as before:");
        foreach (var (file, flag, json, _) in moved)
        {
            output.WriteLine($"  {Path.GetFileName(file)}  {flag}: {json}");
        }

        var kept = conversions.Where(c => c.Json is null || blocked.Contains(c.Flag)).ToList();
        if (kept.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Not converted ({kept.Count}); keep AddMicrosoftFeatureManagementFlags() while any remain:");
            foreach (var (file, flag, _, why) in kept)
            {
                output.WriteLine($"  {Path.GetFileName(file)}  {flag}: {why ?? "another file's definition of it does not convert, and a flag cannot be half in each section"}");
            }
        }

        if (otherSchema.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Not converted: the feature_management section (Microsoft Feature Management schema) in {string.Join(", ", otherSchema)}; AddMicrosoftFeatureManagementFlags() reads it as it is.");
        }
    }
}
