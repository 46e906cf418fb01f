using System.Threading;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>FF0002: a flag expires within the warning window (MSBuild <c>FeatureFlagsExpiryWarningDays</c>, default 14).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExpiringFlagAnalyzer : FlagDeclarationAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.ExpiringFlag,
        title: "Flag expires soon",
        messageFormat: "The flag '{0}'{3} expires on {1}, in {2} day(s): plan its removal before the build starts failing with FF0001",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A flag whose expiry date falls within the warning window (FeatureFlagsExpiryWarningDays, 14 days by default) will soon fail the build.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ExpiringFlag));

    /// <summary>Creates the analyzer.</summary>
    public ExpiringFlagAnalyzer()
        : base(Descriptor)
    {
    }

    private protected override Diagnostic? Check(FlagDeclaration declaration, CompilationFlags model, BuildSettings settings, CancellationToken cancellationToken) =>
        settings.DaysLeftInWindow(declaration) is { } days
            ? Diagnostic.Create(Rule, declaration.Location, DiagnosticIds.FlagProperties(declaration.Name), declaration.Name, declaration.ExpiresText, days, declaration.OwnerNote)
            : null;
}
