using FeatureFlags.Fixed;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Testing;

/// <summary>Reads an environment's appsettings files the way a host does, through the runtime's own reader and rules.</summary>
internal static class EnvironmentSettings
{
    public static FixedFlag[] Read(FlagCatalog catalog, string environmentName, string? contentRoot, FeatureFlagsOptions? options)
    {
        var root = Path.GetFullPath(contentRoot ?? AppContext.BaseDirectory);
        var environmentFile = $"appsettings.{environmentName}.json";
        if (!File.Exists(Path.Combine(root, "appsettings.json")) && !File.Exists(Path.Combine(root, environmentFile)))
        {
            // A host would start with no flags here; in a test that is nearly always a settings file
            // that was not copied to the output directory, so say so rather than test the defaults.
            throw new FileNotFoundException(
                $"Neither appsettings.json nor {environmentFile} is in '{root}'. Copy them to the test output " +
                "(<None Update=\"appsettings*.json\" CopyToOutputDirectory=\"PreserveNewest\" />) or pass the content root.",
                Path.Combine(root, environmentFile));
        }

        if (!File.Exists(Path.Combine(root, environmentFile)))
        {
            // An environment without a file of its own is common (production from variables and vaults), but
            // one whose name is close to an environment that has a file is a typo ("Prodcution") that would
            // otherwise test the base file's flags, and pass.
            var environments = Directory.EnumerateFiles(root, "appsettings.*.json")
                .Select(f => Path.GetFileName(f)["appsettings.".Length..^".json".Length])
                .Where(e => e.Length > 0)
                .Order(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (FixedFlagTable.Nearest(environmentName, environments) is [var nearest, ..])
            {
                throw new FileNotFoundException(
                    $"There is no {environmentFile} in '{root}': did you mean '{nearest}'? Environments with a settings file: {string.Join(", ", environments)} " +
                    $"(file names are case-sensitive on Linux). If '{environmentName}' is right and only uses appsettings.json, add an {environmentFile} holding {{ }}.",
                    Path.Combine(root, environmentFile));
            }
        }

        // The host's layering, minus environment variables and the command line: those belong to the
        // machine running the tests, not to the environment under test.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile(environmentFile, optional: true, reloadOnChange: false)
            .Build();
        try
        {
            return FixedFlagTable.Read(configuration, options ?? new FeatureFlagsOptions(), catalog);
        }
        finally
        {
            (configuration as IDisposable)?.Dispose();
        }
    }
}
