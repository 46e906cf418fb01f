using System.Threading;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>FF0003: a release or experiment flag (temporary by nature) has no <c>Expires</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingExpiresAnalyzer : FlagDeclarationAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.MissingExpires,
        title: "Temporary flag has no expiry date",
        messageFormat: "The {1} flag '{0}' has no Expires date: release and experiment flags are temporary, so give the last day the flag may exist (Expires = \"yyyy-MM-dd\")",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Release and experiment flags are meant to be removed. Without an expiry date nothing reminds the team to remove them.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.MissingExpires));

    /// <summary>Creates the analyzer.</summary>
    public MissingExpiresAnalyzer()
        : base(Descriptor)
    {
    }

    private protected override Diagnostic? Check(FlagDeclaration declaration, CompilationFlags model, BuildSettings settings, CancellationToken cancellationToken) =>
        declaration is { IsTemporary: true, ExpiresText: null }
            ? Diagnostic.Create(Rule, declaration.Location, declaration.Name, declaration.KindName!.ToLowerInvariant())
            : null;
}
