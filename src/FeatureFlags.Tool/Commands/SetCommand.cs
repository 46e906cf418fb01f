using FeatureFlags.Analyzers.Json;
using FeatureFlags.Validation;

namespace FeatureFlags.Tool.Commands;

/// <summary>
/// <c>featureflags set X VALUE --environment Production</c>: validates the value with the rules start-up applies and writes
/// it into <c>appsettings.{Environment}.json</c> as a text edit, the rest of the file as it was.
/// </summary>
internal static class SetCommand
{
    public static async Task<int> RunAsync(string folder, string flag, string value, string environment, TextWriter output, CancellationToken cancellationToken)
    {
        if (!FlagRules.IsValidFlagName(flag))
        {
            throw new ToolException(FlagRules.InvalidNameMessage(flag));
        }

        var path = FlagRules.DefaultSectionName + ":" + flag;
        FlagNode node;
        try
        {
            node = AppSettingsChecker.ToFlagNode(JsonParser.Parse(value));
        }
        catch (JsonException) when (!value.TrimStart().StartsWith('{') && !value.TrimStart().StartsWith('['))
        {
            // A bare word, as a shell passes it: the value a configuration source would read, judged as start-up judges it.
            node = new FlagNode(value, null, null);
            value = System.Text.Json.JsonSerializer.Serialize(value);
        }
        catch (JsonException e)
        {
            throw new ToolException($"{path}: {FlagRules.Quote(value)} is not valid JSON ({e.Message}).");
        }

        var problems = new List<FlagProblem>();
        FlagRules.Parse(path, node, declaredKind: null, problems);
        if (problems.Count > 0)
        {
            output.WriteLine("The value was not written:");
            foreach (var problem in problems)
            {
                output.WriteLine("  " + problem);
            }

            return 1;
        }

        var file = Path.Combine(Path.GetFullPath(folder), "appsettings." + environment + ".json");
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) : "{\n}\n";
        var updated = AppSettingsWriter.Set(text, FlagRules.DefaultSectionName, flag, value.Trim());
        await File.WriteAllTextAsync(file, updated, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"{path} = {value.Trim()} written to {Path.GetFileName(file)}.");
        return 0;
    }
}
