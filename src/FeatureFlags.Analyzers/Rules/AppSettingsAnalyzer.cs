using System.Collections.Concurrent;
using System.Collections.Immutable;
using FeatureFlags.Analyzers.Json;
using FeatureFlags.Analyzers.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0006: an <c>appsettings*.json</c> additional file names a flag under <c>FeatureFlags</c> (or the section
/// the <c>FeatureFlagsSectionName</c> MSBuild property names) that no
/// catalog declares, or gives a flag a value the runtime would refuse. The checks are the runtime's
/// own rules (<c>FlagRules</c>), so the build and start-up never disagree. Microsoft.FeatureManagement's sections are
/// <see cref="FeatureManagementSettingsAnalyzer"/>'s.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>FF0006 as this analyzer reports it, live; <see cref="FeatureManagementSettingsAnalyzer"/> reports it at compilation end.</summary>
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.InvalidAppSettings,
        title: "Flag configuration is invalid or undeclared",
        messageFormat: "{0}: {1}",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The FeatureFlags section of an appsettings file names a flag no catalog declares, or gives a flag a value of the wrong shape; the application would refuse to start with it.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.InvalidAppSettings));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Checked even with no catalog in sight: the shape rules do not need one.
            var model = CompilationFlags.For(start.Compilation);
            var sectionPath = BuildSettings.Read(start.Options).SectionPath;

            // Flags may name segments that another appsettings file of the project defines.
            var segmentsByFile = new ConcurrentDictionary<string, Dictionary<string, KeyValuePair<string, AudienceSpec>>>(StringComparer.Ordinal);
            var flagsByFile = new ConcurrentDictionary<string, List<KeyValuePair<string, PrerequisiteSpec[]>>>(StringComparer.Ordinal);
            var files = start.Options.AdditionalFiles.Where(f => IsAppSettings(f.Path)).ToList();
            start.RegisterAdditionalFileAction(c => Analyze(
                c,
                model,
                sectionPath,
                OtherSegments(c.AdditionalFile, files, segmentsByFile, c.CancellationToken),
                new HashSet<string>(
                    files.Where(f => f.Path != c.AdditionalFile.Path).SelectMany(f => ConfiguredFlags(f, sectionPath, flagsByFile, c.CancellationToken)).Select(f => f.Key),
                    StringComparer.OrdinalIgnoreCase)));
        });
    }

    /// <summary>appsettings.json, appsettings.Production.json and so on, in any case.</summary>
    internal static bool IsAppSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The flags <paramref name="file"/> configures, with what each requires; read once per file and compilation.</summary>
    internal static List<KeyValuePair<string, PrerequisiteSpec[]>> ConfiguredFlags(
        AdditionalText file,
        string[] sectionPath,
        ConcurrentDictionary<string, List<KeyValuePair<string, PrerequisiteSpec[]>>> flagsByFile,
        CancellationToken cancellationToken) =>
        flagsByFile.GetOrAdd(file.Path, _ => file.GetText(cancellationToken) is { } text ? AppSettingsChecker.ConfiguredFlagsOf(text.ToString(), sectionPath) : new List<KeyValuePair<string, PrerequisiteSpec[]>>());

    private static Dictionary<string, KeyValuePair<string, AudienceSpec>> OtherSegments(
        AdditionalText file,
        List<AdditionalText> files,
        ConcurrentDictionary<string, Dictionary<string, KeyValuePair<string, AudienceSpec>>> segmentsByFile,
        CancellationToken cancellationToken)
    {
        var segments = new Dictionary<string, KeyValuePair<string, AudienceSpec>>(StringComparer.OrdinalIgnoreCase);
        foreach (var other in files.Where(f => f.Path != file.Path))
        {
            var defined = segmentsByFile.GetOrAdd(other.Path, _ => other.GetText(cancellationToken) is { } text ? AppSettingsChecker.SegmentsOf(text.ToString()) : new Dictionary<string, KeyValuePair<string, AudienceSpec>>());
            foreach (var segment in defined)
            {
                segments[segment.Key] = segment.Value;
            }
        }

        return segments;
    }

    private static void Analyze(
        AdditionalFileAnalysisContext context,
        CompilationFlags model,
        string[] sectionPath,
        Dictionary<string, KeyValuePair<string, AudienceSpec>> otherSegments,
        HashSet<string> otherFlags)
    {
        var file = context.AdditionalFile;
        if (!IsAppSettings(file.Path))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text == null)
        {
            return;
        }

        foreach (var problem in AppSettingsChecker.Check(text.ToString(), model, sectionPath, otherSegments, otherFlags))
        {
            var span = problem.Origin ?? new TextSpan(0, 0);
            var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, problem.Path, problem.Message));
        }
    }
}
