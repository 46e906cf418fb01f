using System.IO.Compression;
using System.Reflection;

namespace FeatureFlags.Package.Tests;

/// <summary>
/// Packs FeatureFlags once for the whole collection into a temporary local feed, and prepares a consumer
/// project that references it by version, restored once into its own packages folder (no stale cache).
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "featureflags-package-" + Guid.NewGuid().ToString("N")[..8]);

    public PackageFixture()
    {
        Feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        PackagesFolder = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        Consumer = Directory.CreateDirectory(Path.Combine(_root, "consumer")).FullName;

        // One after another: packing builds the projects each depends on, which must not run twice at once.
        foreach (var name in new[] { "FeatureFlags", "FeatureFlags.Testing", "FeatureFlags.Testing.Xunit", "FeatureFlags.Testing.XunitV3", "FeatureFlags.Etcd" })
        {
            var project = Path.Combine(RepoRoot, "src", name, name + ".csproj");
            var pack = DotNet.Run(RepoRoot, packagesFolder: null, "pack", project, "-c", "Release", "-o", Feed, "-nodeReuse:false", "-p:UseSharedCompilation=false");
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {name} failed:" + Environment.NewLine + pack.Output);
            }
        }

        PackagePath = Directory.GetFiles(Feed, "FeatureFlags.0*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        Version = Path.GetFileNameWithoutExtension(PackagePath)["FeatureFlags.".Length..];
        WriteConsumer();
    }

    /// <summary>Gets the repository root the tests were built from.</summary>
    public static string RepoRoot => Metadata("RepoRoot");

    /// <summary>Gets the Roslyn components the packaging declares (file names without extension).</summary>
    public static IReadOnlyList<string> RoslynComponents => Metadata("RoslynComponents").Split(';', StringSplitOptions.RemoveEmptyEntries);

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string Consumer { get; }

    public string PackagePath { get; }

    public string Version { get; }

    /// <summary>Reads one entry of the FeatureFlags package as text.</summary>
    public string ReadEntry(string name) => ReadEntry("FeatureFlags", name);

    /// <summary>Reads one entry of a packed package as text.</summary>
    public string ReadEntry(string packageId, string name)
    {
        using var archive = ZipFile.OpenRead(Path.Combine(Feed, $"{packageId}.{Version}.nupkg"));
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Gets the package's entry names, with '/' separators.</summary>
    public IReadOnlyList<string> Entries()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
    }

    /// <summary>
    /// Writes the consumer's catalog with one release flag and its appsettings.json (the flag under
    /// <paramref name="sectionName"/>, passed on as <c>FeatureFlagsSectionName</c> when given), and builds the consumer.
    /// </summary>
    public (int ExitCode, string Output) BuildConsumer(string flagName, DateOnly expires, DateOnly? today = null, string settingsValue = "true", string? sectionName = null)
    {
        File.WriteAllText(Path.Combine(Consumer, "Flags.cs"), $$"""
            using FeatureFlags;

            namespace Consumer;

            [FlagCatalog]
            public sealed partial class Flags
            {
                [Flag(FlagKind.Release, Expires = "{{expires:yyyy-MM-dd}}", Owner = "team-e2e")]
                public const string {{flagName}} = "{{flagName}}";
            }

            public static class Use
            {
                // Generated members from the packaged generator: typed access and the reflection-free catalog.
                public static bool Read(IFlagSnapshot snapshot) => Flags.For(snapshot).{{flagName}};

                public static FlagCatalog Catalog => Flags.Catalog;
            }
            """);
        File.WriteAllText(Path.Combine(Consumer, "appsettings.json"), $$"""{ "{{sectionName ?? "FeatureFlags"}}": { "{{flagName}}": {{settingsValue}} } }""");

        var arguments = new List<string> { "build", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false", "--no-incremental" };
        if (today is { } pinned)
        {
            arguments.Add($"-p:FeatureFlagsToday={pinned:yyyy-MM-dd}");
        }

        if (sectionName is not null)
        {
            arguments.Add($"-p:FeatureFlagsSectionName={sectionName}");
        }

        return DotNet.Run(Consumer, PackagesFolder, [.. arguments]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the test results.
        }
    }

    /// <summary>
    /// Writes a test project of its own that references <paramref name="packages"/> (id and version pairs) and
    /// holds <paramref name="files"/>, then runs <c>dotnet test</c> on it: what a team adopting the packages does.
    /// </summary>
    public (int ExitCode, string Output) TestProject(string name, IEnumerable<(string Id, string Version)> packages, IReadOnlyDictionary<string, string> files, bool isExe = false)
    {
        var folder = WriteProject(name, isExe ? "<OutputType>Exe</OutputType>" : string.Empty, "CopyToOutputDirectory", packages, files);

        // Normal verbosity lists every test that ran, by its display name.
        return DotNet.Run(folder, PackagesFolder, "test", "-nodeReuse:false", "-p:UseSharedCompilation=false", "--logger", "console;verbosity=normal");
    }

    /// <summary>
    /// Writes a console program of its own that references the FeatureFlags package and <paramref name="packages"/>,
    /// publishes it with Native AOT for this machine, and returns the publish output and a way to run the program.
    /// </summary>
    public (int ExitCode, string Output, Func<(int ExitCode, string Output)> Run) PublishNativeAot(string name, IEnumerable<(string Id, string Version)> packages, IReadOnlyDictionary<string, string> files)
    {
        var folder = WriteProject(
            name,
            "<OutputType>Exe</OutputType><PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization>",
            "CopyToPublishDirectory",
            packages.Prepend((Id: "FeatureFlags", Version)),
            files);
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var output = Path.Combine(folder, "publish");
        var publish = DotNet.Run(folder, PackagesFolder, "publish", "-c", "Release", "-r", rid, "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        return (publish.ExitCode, publish.Output, () => DotNet.RunProgram(Path.Combine(output, name), output));
    }

    /// <summary>Writes a net10.0 project of its own beside the feed: its properties, package references and files.</summary>
    private string WriteProject(string name, string properties, string copySettings, IEnumerable<(string Id, string Version)> packages, IReadOnlyDictionary<string, string> files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        WriteNuGetConfig(folder);
        var references = string.Join(Environment.NewLine, packages.Select(p => $"""    <PackageReference Include="{p.Id}" Version="{p.Version}" />"""));
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
                {properties}
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
              <ItemGroup>
                <None Update="appsettings*.json" {copySettings}="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    private void WriteNuGetConfig(string folder) =>
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

    private void WriteConsumer()
    {
        WriteNuGetConfig(Consumer);
        File.WriteAllText(Path.Combine(Consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FeatureFlags" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        var restore = DotNet.Run(Consumer, PackagesFolder, "restore", "-nodeReuse:false");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet restore of the consumer failed:" + Environment.NewLine + restore.Output);
        }
    }

    private static string Metadata(string key) =>
        typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
