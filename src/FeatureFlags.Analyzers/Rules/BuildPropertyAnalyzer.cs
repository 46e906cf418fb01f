using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0008: <c>FeatureFlagsToday</c> or <c>FeatureFlagsExpiryWarningDays</c> has a value the rules cannot
/// use. Said once per build, so a typo in a pinned date does not silently fall back to the clock.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BuildPropertyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.InvalidBuildProperty,
        title: "Invalid FeatureFlags MSBuild property",
        messageFormat: "The MSBuild property {0} has the invalid value '{1}': {2}",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "FeatureFlagsToday must be a yyyy-MM-dd date and FeatureFlagsExpiryWarningDays a whole number of days; otherwise the expiry rules fall back to their defaults.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.InvalidBuildProperty),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(c =>
        {
            foreach (var problem in BuildSettings.Read(c.Options).Problems)
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, problem[0], problem[1], problem[2]));
            }
        });
    }
}
