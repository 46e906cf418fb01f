using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0001: a flag past its <c>Expires</c> date fails the build, on its declaration and on every use:
/// the constant, a flag name passed as a string, and the generated typed members.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExpiredFlagAnalyzer : CatalogAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.ExpiredFlag,
        title: "Flag is past its expiry date",
        messageFormat: "The flag '{0}'{3} expired on {1} (today is {2}): remove the flag and the code it guards, or move Expires if the removal is planned{4}",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A release or experiment flag that outlives its expiry date is flag debt. The build fails on the declaration and on every use until the flag is removed.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ExpiredFlag));


    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext context, CompilationFlags model)
    {
        var settings = BuildSettings.Read(context.Options);
        var expired = new HashSet<FlagDeclaration>();
        var expiredNames = new Dictionary<string, FlagDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in model.Declarations)
        {
            if (settings.IsExpired(declaration))
            {
                expired.Add(declaration);
                expiredNames[declaration.Name] = declaration;
            }
        }

        // The common case, nothing expired, costs no per-operation callbacks at all.
        if (expired.Count == 0)
        {
            return;
        }

        var requiredBy = RequiredBy(context.Options, settings, expiredNames, context.CancellationToken);

        context.RegisterSymbolAction(
            c =>
            {
                var declarations = model.FindByDeclaringType((INamedTypeSymbol)c.Symbol);
                if (declarations == null)
                {
                    return;
                }

                foreach (var declaration in declarations)
                {
                    if (expired.Contains(declaration))
                    {
                        c.ReportDiagnostic(Create(declaration.Location, declaration, settings, requiredBy));
                    }
                }
            },
            SymbolKind.NamedType);

        // Uses are found by one walk per tree behind cheap text checks, not with operations: building
        // operation trees for every method body cost 40-65 % of a plain compile. Only identifiers whose
        // text is an expired flag's constant name (or a generated member's name for it) are bound.
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in expired)
        {
            memberNames.Add(declaration.Field.Name);
            memberNames.Add(declaration.Field.Name + FlagDeclarationShape.VariantSuffix);
        }

        Func<string, bool> isExpired = expiredNames.ContainsKey;
        context.RegisterSemanticModelAction(c =>
        {
            var semanticModel = c.SemanticModel;
            foreach (var node in semanticModel.SyntaxTree.GetRoot(c.CancellationToken).DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier)
                {
                    if (memberNames.Contains(identifier.Identifier.ValueText)
                        && FindUse(semanticModel, identifier, model, c.CancellationToken) is { } used
                        && expired.Contains(used))
                    {
                        c.ReportDiagnostic(Create(ReferenceSyntax(identifier).GetLocation(), used, settings, requiredBy));
                    }
                }
                else if (node.IsKind(SyntaxKind.Argument) || node.IsKind(SyntaxKind.AttributeArgument))
                {
                    var name = FlagNameArguments.Find(node, semanticModel, model, isExpired, out var expression, c.CancellationToken);
                    if (name != null && !IsFlagConstant(semanticModel, expression, model, c.CancellationToken))
                    {
                        c.ReportDiagnostic(Create(expression.GetLocation(), expiredNames[name], settings, requiredBy));
                    }
                }
            }
        });
    }

    // The flag a field or property reference stands for: the constant, or a generated member named after it.
    private static FlagDeclaration? FindUse(SemanticModel semanticModel, IdentifierNameSyntax identifier, CompilationFlags model, CancellationToken cancellationToken) =>
        semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol switch
        {
            IFieldSymbol field => model.FindByField(field) ?? model.FindByGeneratedMember(field),
            IPropertySymbol property => model.FindByGeneratedMember(property),
            _ => null,
        };

    // Where the operation of a member reference starts: `Flags.Old` and `v?.Old` (the `.Old` part) as a whole.
    private static SyntaxNode ReferenceSyntax(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == identifier => access,
        MemberBindingExpressionSyntax binding when binding.Name == identifier => binding,
        _ => identifier,
    };

    // A flag constant passed as an argument is already reported as a member reference.
    private static bool IsFlagConstant(SemanticModel semanticModel, ExpressionSyntax value, CompilationFlags model, CancellationToken cancellationToken)
    {
        while (value is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            value = value is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
        }

        return value is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && semanticModel.GetSymbolInfo(value, cancellationToken).Symbol is IFieldSymbol field
            && model.FindByField(field) != null;
    }

    private static Diagnostic Create(Location location, FlagDeclaration declaration, BuildSettings settings, Dictionary<string, string> requiredBy) =>
        Diagnostic.Create(
            Rule,
            location,
            DiagnosticIds.FlagProperties(declaration.Name),
            declaration.Name,
            declaration.ExpiresText,
            settings.TodayText,
            declaration.OwnerNote,
            requiredBy.TryGetValue(declaration.Name, out var note) ? note : string.Empty);

    /// <summary>
    /// For each expired flag that other, unexpired flags require in the project's appsettings files, a note naming them:
    /// removing it turns them off, so their Requires must change first.
    /// </summary>
    private static Dictionary<string, string> RequiredBy(AnalyzerOptions options, BuildSettings settings, Dictionary<string, FlagDeclaration> expired, CancellationToken cancellationToken)
    {
        var requirers = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        var flagsByFile = new System.Collections.Concurrent.ConcurrentDictionary<string, List<KeyValuePair<string, PrerequisiteSpec[]>>>(StringComparer.Ordinal);
        foreach (var file in options.AdditionalFiles.Where(f => AppSettingsAnalyzer.IsAppSettings(f.Path)))
        {
            foreach (var flag in AppSettingsAnalyzer.ConfiguredFlags(file, settings.SectionPath, flagsByFile, cancellationToken))
            {
                foreach (var requirement in flag.Value.Where(r => expired.ContainsKey(r.Flag) && !expired.ContainsKey(flag.Key)))
                {
                    if (!requirers.TryGetValue(requirement.Flag, out var names))
                    {
                        requirers[requirement.Flag] = names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                    }

                    names.Add(flag.Key + " (" + Path.GetFileName(file.Path) + ")");
                }
            }
        }

        return requirers.ToDictionary(
            r => r.Key,
            r => "; " + string.Join(", ", r.Value) + (r.Value.Count == 1 ? " requires" : " require") + " it: change their Requires first, or they turn off with it",
            StringComparer.OrdinalIgnoreCase);
    }
}
