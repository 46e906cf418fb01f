using System.Collections.Immutable;
using FeatureFlags.Analyzers.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0006 on Microsoft.FeatureManagement's sections of <c>appsettings*.json</c> (<c>FeatureManagement</c>, and
/// <c>feature_management</c>'s <c>feature_flags</c>), when the code reads them as flags: it calls
/// <c>AddMicrosoftFeatureManagementFlags()</c> or uses <c>FeatureFlagsOptions.ReadMicrosoftFeatureManagementFlags</c>. The checks
/// are the runtime's (<c>FeatureManagementRules</c>). The call may be anywhere in the code, so the diagnostics come once the
/// whole compilation has been seen; without it the sections are Microsoft.FeatureManagement's alone, custom filters and all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureManagementSettingsAnalyzer : DiagnosticAnalyzer
{
    // FF0006 is one rule: the same id as AppSettingsAnalyzer's, with the compilation-end tag these reports need (a
    // descriptor reported at compilation end must carry it, and tagging AppSettingsAnalyzer's would hold back its live
    // reports of the FeatureFlags section until a full build).
#pragma warning disable RS1019 // Diagnostic IDs should be unique across analyzers: deliberately shared, see above.
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.InvalidAppSettings,
        AppSettingsAnalyzer.Rule.Title,
        AppSettingsAnalyzer.Rule.MessageFormat,
        DiagnosticIds.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        AppSettingsAnalyzer.Rule.Description,
        AppSettingsAnalyzer.Rule.HelpLinkUri,
        WellKnownDiagnosticTags.CompilationEnd);
#pragma warning restore RS1019

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var files = start.Options.AdditionalFiles.Where(f => AppSettingsAnalyzer.IsAppSettings(f.Path)).ToList();
            if (files.Count == 0)
            {
                return;
            }

            var readsThem = 0;
            start.RegisterOperationAction(
                c =>
                {
                    if (ReadsFeatureManagement(c.Operation))
                    {
                        Interlocked.Exchange(ref readsThem, 1);
                    }
                },
                OperationKind.Invocation,
                OperationKind.PropertyReference);
            start.RegisterCompilationEndAction(c =>
            {
                if (Volatile.Read(ref readsThem) == 1)
                {
                    foreach (var file in files)
                    {
                        Analyze(c, file, BaseOf(file, files));
                    }
                }
            });
        });
    }

    /// <summary>A call of <c>AddMicrosoftFeatureManagementFlags()</c>, or a use of <c>ReadMicrosoftFeatureManagementFlags</c>.</summary>
    private static bool ReadsFeatureManagement(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod: { Name: "AddMicrosoftFeatureManagementFlags", ContainingType: { Name: "FeatureFlagsBuilder", ContainingNamespace.Name: "FeatureFlags" } } } => true,
        IPropertyReferenceOperation { Property: { Name: "ReadMicrosoftFeatureManagementFlags", ContainingType: { Name: "FeatureFlagsOptions", ContainingNamespace.Name: "FeatureFlags" } } } => true,
        _ => false,
    };

    /// <summary>The <c>appsettings.json</c> beside an environment's file, which configuration layers it over; null for none.</summary>
    private static AdditionalText? BaseOf(AdditionalText file, List<AdditionalText> files)
    {
        if (string.Equals(Path.GetFileName(file.Path), "appsettings.json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(file.Path);
        return files.FirstOrDefault(f =>
            string.Equals(Path.GetFileName(f.Path), "appsettings.json", StringComparison.OrdinalIgnoreCase) &&
            string.Equals(Path.GetDirectoryName(f.Path), directory, StringComparison.Ordinal));
    }

    private static void Analyze(CompilationAnalysisContext context, AdditionalText file, AdditionalText? baseline)
    {
        if (file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var baseText = baseline?.GetText(context.CancellationToken)?.ToString();
        foreach (var problem in AppSettingsChecker.CheckFeatureManagement(text.ToString(), baseText))
        {
            var span = problem.Origin ?? new TextSpan(0, 0);
            var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, problem.Path, problem.Message));
        }
    }
}
