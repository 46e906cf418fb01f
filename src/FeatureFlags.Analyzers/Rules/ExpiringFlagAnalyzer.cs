using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>FF0002: a flag expires within the warning window (MSBuild <c>FeatureFlagsExpiryWarningDays</c>, default 14).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExpiringFlagAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.ExpiringFlag,
        title: "Flag expires soon",
        messageFormat: "The flag '{0}'{3} expires on {1}, in {2} day(s): plan its removal before the build starts failing with FF0001",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A flag whose expiry date falls within the warning window (FeatureFlagsExpiryWarningDays, 14 days by default) will soon fail the build.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ExpiringFlag));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = FlagModel.For(start.Compilation);
            if (model.Declarations.Count == 0)
            {
                return;
            }

            var settings = BuildSettings.Read(start.Options);
            start.RegisterSymbolAction(
                c =>
                {
                    var declarations = model.FindByDeclaringType((INamedTypeSymbol)c.Symbol);
                    if (declarations == null)
                    {
                        return;
                    }

                    foreach (var declaration in declarations)
                    {
                        if (settings.DaysLeftInWindow(declaration) is { } days)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Location, declaration.Name, declaration.ExpiresText, days, declaration.OwnerNote));
                        }
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
