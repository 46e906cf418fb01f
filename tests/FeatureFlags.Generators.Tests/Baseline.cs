using System.Reflection;

namespace FeatureFlags.Generators.Tests;

/// <summary>
/// Compares generated text with a file under Baselines/. With FEATUREFLAGS_UPDATE_BASELINES=1 the file is
/// rewritten instead (then review the diff and commit it).
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "FEATUREFLAGS_UPDATE_BASELINES";

    public static void Verify(string name, string actual)
    {
        var fileName = name + ".g.cs.txt";
        // The version in [GeneratedCode] changes with every release; the baselines should not.
        var version = typeof(FlagCatalogGenerator).Assembly.GetName().Version!.ToString();
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).Replace($"\"{version}\")]", "\"VERSION\")]", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), fileName), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Baselines", fileName);
        File.Exists(path).ShouldBeTrue($"No baseline at {path}: run the tests once with {UpdateVariable}=1 and review the file.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        actual.ShouldBe(expected, $"The generated code differs from {fileName}. If the change is intended, run with {UpdateVariable}=1 and review the diff.");
    }

    private static string SourceDirectory() =>
        typeof(Baseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BaselineSourceDirectory").Value!;
}
