using System.Threading;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0007: two declarations share one flag name (ignoring case, as configuration does), in one catalog
/// or across catalogs of this compilation and the assemblies it references.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateFlagNameAnalyzer : FlagDeclarationAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.DuplicateFlagName,
        title: "Flag name is declared twice",
        messageFormat: "The flag name '{0}' is also declared by {1}: one name must mean one flag",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Configuration keys ignore case, so two declarations with the same name (in any case) would read the same configuration; the runtime refuses to register both.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.DuplicateFlagName));

    /// <summary>Creates the analyzer.</summary>
    public DuplicateFlagNameAnalyzer()
        : base(Descriptor)
    {
    }

    private protected override Diagnostic? Check(FlagDeclaration declaration, CompilationFlags model, BuildSettings settings, CancellationToken cancellationToken)
    {
        var sameName = model.FindByName(declaration.Name);
        if (sameName == null || sameName.Count < 2)
        {
            return null;
        }

        var others = new List<string>();
        foreach (var other in sameName)
        {
            if (!ReferenceEquals(other, declaration))
            {
                others.Add(other.DisplayName);
            }
        }

        return Diagnostic.Create(Rule, declaration.Location, declaration.Name, string.Join(", ", others));
    }
}
