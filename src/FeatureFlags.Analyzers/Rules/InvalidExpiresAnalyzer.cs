using System.Threading;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>FF0004: <c>Expires</c> is not a <c>yyyy-MM-dd</c> calendar date.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidExpiresAnalyzer : FlagDeclarationAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.InvalidExpires,
        title: "Expires is not a yyyy-MM-dd date",
        messageFormat: "The Expires value '{1}' of the flag '{0}' is not a yyyy-MM-dd date, such as 2027-03-31",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Expires must be a constant ISO calendar date (yyyy-MM-dd). The runtime refuses the catalog otherwise, and no expiry rule can be applied.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.InvalidExpires));

    /// <summary>Creates the analyzer.</summary>
    public InvalidExpiresAnalyzer()
        : base(Descriptor)
    {
    }

    private protected override Diagnostic? Check(FlagDeclaration declaration, CompilationFlags model, BuildSettings settings, CancellationToken cancellationToken) =>
        declaration is { ExpiresText: not null, Expires: null }
            ? Diagnostic.Create(Rule, declaration.ExpiresLocation(cancellationToken), declaration.Name, declaration.ExpiresText)
            : null;
}
