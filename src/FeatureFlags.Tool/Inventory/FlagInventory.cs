extern alias Runtime;

using FeatureFlags.Analyzers.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.Extensions.Configuration;
using FeatureFlagsOptions = Runtime::FeatureFlags.FeatureFlagsOptions;
using FixedFlagTable = Runtime::FeatureFlags.Fixed.FixedFlagTable;
using FlagCatalog = Runtime::FeatureFlags.FlagCatalog;
using FlagConfigurationException = Runtime::FeatureFlags.FlagConfigurationException;
using FlagDefinition = Runtime::FeatureFlags.FlagDefinition;
using FlagKind = Runtime::FeatureFlags.FlagKind;

namespace FeatureFlags.Tool.Inventory;

/// <summary>
/// Every flag a solution declares, with its metadata, the value each environment's appsettings files serve (read,
/// merged and validated by the runtime's own code), how many places use it, and what needs doing; and every flag the
/// settings name that no catalog declares.
/// </summary>
internal static class FlagInventory
{
    public const int ExpiringWithinDays = 14;

    /// <summary>Every flag the solution's own source declares (not its references'), by name, each once.</summary>
    public static async Task<Dictionary<string, FlagDeclaration>> DeclarationsAsync(Solution solution, CancellationToken cancellationToken)
    {
        var declarations = new Dictionary<string, FlagDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in solution.Projects)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            foreach (var declaration in compilation is null ? [] : CompilationFlags.For(compilation).Declarations)
            {
                if (declaration.Field.Locations.Any(l => l.IsInSource))
                {
                    declarations.TryAdd(declaration.Name, declaration);
                }
            }
        }

        return declarations;
    }

    public static async Task<InventoryReport> BuildAsync(Solution solution, DateOnly today, TextWriter progress, CancellationToken cancellationToken)
    {
        var declarations = await DeclarationsAsync(solution, cancellationToken).ConfigureAwait(false);

        progress.WriteLine($"Found {declarations.Count} declared flag(s); reading settings and counting uses …");
        var environments = Environments(solution, declarations.Values.ToList());
        var flags = new List<InventoryFlag>();
        foreach (var declaration in declarations.Values.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase))
        {
            var values = environments.ToDictionary(e => e.Name, e => e.States.TryGetValue(declaration.Name, out var state) ? state : "(not configured)");
            var uses = await UsesAsync(solution, declaration, cancellationToken).ConfigureAwait(false);
            flags.Add(new InventoryFlag(
                declaration.Name,
                declaration.Catalog.ToDisplayString(),
                declaration.KindName ?? "?",
                declaration.Owner,
                Named(declaration, FlagDeclarationShape.Description),
                declaration.ExpiresText,
                declaration.Expires is { } expires ? DateOnly.FromDateTime(expires).DayNumber - today.DayNumber : null,
                declaration.RemovalIssue,
                values,
                uses,
                Status(declaration, values, today)));
        }

        var undeclared = environments
            .SelectMany(e => e.Configured.Select(name => (Name: name, e.Files)))
            .Where(c => !declarations.ContainsKey(c.Name))
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new UndeclaredFlag(g.Key, g.SelectMany(c => c.Files).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new InventoryReport(today, flags, undeclared);
    }

    private static IReadOnlyList<string> Status(FlagDeclaration declaration, Dictionary<string, string> values, DateOnly today)
    {
        var status = new List<string>();
        if (declaration.Expires is { } expires)
        {
            var days = DateOnly.FromDateTime(expires).DayNumber - today.DayNumber;
            if (days < 0)
            {
                status.Add("expired");
            }
            else if (days <= ExpiringWithinDays)
            {
                status.Add("expiring");
            }
        }

        // The same plain value everywhere: nothing decides at run time any more, so the flag can go.
        if (values.Count > 0 && values.Values.Distinct(StringComparer.Ordinal).Count() == 1 && values.Values.First() is "on" or "off")
        {
            status.Add("static (" + values.Values.First() + " everywhere): a removal candidate");
        }

        return status;
    }

    /// <summary>References to the constant and to its generated members in source, generated code left out; and uses in Razor views.</summary>
    private static async Task<int> UsesAsync(Solution solution, FlagDeclaration declaration, CancellationToken cancellationToken)
    {
        var memberName = declaration.Field.Name;
        var count = 0;
        foreach (var symbol in GeneratedMembers(declaration).Prepend(declaration.Field))
        {
            var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
            count += references.SelectMany(r => r.Locations).Count(l => l.Document is not SourceGeneratedDocument);
        }

        foreach (var view in solution.Projects.SelectMany(RazorFiles).Distinct())
        {
            var text = await File.ReadAllTextAsync(view, cancellationToken).ConfigureAwait(false);
            count += CountOccurrences(text, "." + memberName + "\"") + CountOccurrences(text, "." + memberName + ")");
        }

        return count;
    }

    /// <summary>The generator's members for the flag: its key, and its view's value, variant and variant-value properties.</summary>
    private static IEnumerable<ISymbol> GeneratedMembers(FlagDeclaration declaration)
    {
        var name = declaration.Field.Name;
        var keys = declaration.Catalog.GetTypeMembers("Keys").SelectMany(k => k.GetMembers(name));
        var view = declaration.Catalog.GetTypeMembers("View").SelectMany(v => v.GetMembers(name)
            .Concat(v.GetMembers(name + FlagDeclarationShape.VariantSuffix))
            .Concat(v.GetMembers(name + FlagDeclarationShape.ValueSuffix)));
        return keys.Concat(view);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The Razor views of a project, which the workspace does not list as documents.</summary>
    public static IEnumerable<string> RazorFiles(Project project) =>
        project.FilePath is { } file && Path.GetDirectoryName(file) is { } folder
            ? Directory.EnumerateFiles(folder, "*.cshtml", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(folder, "*.razor", SearchOption.AllDirectories))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            : [];

    /// <summary>
    /// Every environment of every project with appsettings files: <c>appsettings.json</c> alone ("(base)"), and merged with
    /// each <c>appsettings.{Environment}.json</c>, read and compiled as a host would.
    /// </summary>
    private static List<EnvironmentFlags> Environments(Solution solution, List<FlagDeclaration> declarations)
    {
        var catalog = new FlagCatalog("(solution)", declarations.Select(Definition));
        var result = new List<EnvironmentFlags>();
        var folders = solution.Projects.Select(p => Path.GetDirectoryName(p.FilePath)).OfType<string>().Distinct().ToList();
        foreach (var folder in folders)
        {
            var baseFile = Path.Combine(folder, "appsettings.json");
            if (!File.Exists(baseFile))
            {
                continue;
            }

            var prefix = folders.Count(f => File.Exists(Path.Combine(f, "appsettings.json"))) > 1 ? Path.GetFileName(folder) + ":" : string.Empty;
            var environmentFiles = Directory.GetFiles(folder, "appsettings.*.json").Order(StringComparer.Ordinal).ToList();
            foreach (var environmentFile in environmentFiles)
            {
                var name = Path.GetFileNameWithoutExtension(environmentFile)["appsettings.".Length..];
                result.Add(Read(prefix + name, [baseFile, environmentFile], catalog));
            }

            if (environmentFiles.Count == 0)
            {
                result.Add(Read(prefix + "(base)", [baseFile], catalog));
            }
        }

        return result;
    }

    private static EnvironmentFlags Read(string name, string[] files, FlagCatalog catalog)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in files)
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        var configuration = builder.Build();
        var configured = configuration.GetSection(FlagRules.DefaultSectionName).GetChildren().Select(c => c.Key).ToList();
        try
        {
            var flags = FixedFlagTable.Read(configuration, new FeatureFlagsOptions(), catalog);
            return new EnvironmentFlags(name, flags.ToDictionary(f => f.Name, f => f.State, StringComparer.OrdinalIgnoreCase), configured, files.Select(Path.GetFileName).OfType<string>().ToList());
        }
        catch (FlagConfigurationException e)
        {
            var problem = "(invalid: " + e.Problems[0] + ")";
            return new EnvironmentFlags(name, configured.ToDictionary(c => c, _ => problem, StringComparer.OrdinalIgnoreCase), configured, files.Select(Path.GetFileName).OfType<string>().ToList());
        }
    }

    private static FlagDefinition Definition(FlagDeclaration declaration) =>
        new(
            declaration.Name,
            Enum.TryParse<FlagKind>(declaration.KindName, out var kind) ? kind : FlagKind.Release,
            declaration.Expires is { } expires ? DateOnly.FromDateTime(expires) : null,
            declaration.Owner,
            Named(declaration, FlagDeclarationShape.Description),
            declaration.RemovalIssue,
            declaration.Attribute.NamedArguments.Any(a => a.Key == FlagDeclarationShape.Default && a.Value.Value is true));

    private static string? Named(FlagDeclaration declaration, string name) =>
        declaration.Attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private sealed record EnvironmentFlags(string Name, Dictionary<string, string> States, List<string> Configured, List<string> Files);
}
