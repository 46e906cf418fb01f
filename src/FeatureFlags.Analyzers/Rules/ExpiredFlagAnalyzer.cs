using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0001: a flag past its <c>Expires</c> date fails the build, on its declaration and on every use:
/// the constant, a flag name passed as a string, and the generated typed members.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExpiredFlagAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.ExpiredFlag,
        title: "Flag is past its expiry date",
        messageFormat: "The flag '{0}'{3} expired on {1} (today is {2}): remove the flag and the code it guards, or move Expires if the removal is planned",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A release or experiment flag that outlives its expiry date is flag debt. The build fails on the declaration and on every use until the flag is removed.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ExpiredFlag));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var model = FlagModel.For(context.Compilation);
        if (model.Declarations.Count == 0)
        {
            return;
        }

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
                        c.ReportDiagnostic(Create(declaration.Location, declaration, settings));
                    }
                }
            },
            SymbolKind.NamedType);

        context.RegisterOperationAction(
            c =>
            {
                var member = c.Operation switch
                {
                    IFieldReferenceOperation field => (ISymbol)field.Field,
                    IPropertyReferenceOperation property => property.Property,
                    _ => null,
                };
                if (member == null)
                {
                    return;
                }

                var declaration = (member is IFieldSymbol f ? model.FindByField(f) : null) ?? model.FindByGeneratedMember(member);
                if (declaration != null && expired.Contains(declaration))
                {
                    c.ReportDiagnostic(Create(c.Operation.Syntax.GetLocation(), declaration, settings));
                }
            },
            OperationKind.FieldReference,
            OperationKind.PropertyReference);

        context.RegisterOperationAction(
            c =>
            {
                var argument = (IArgumentOperation)c.Operation;
                if (argument.Parameter == null
                    || argument.ArgumentKind != ArgumentKind.Explicit
                    || argument.Value.ConstantValue is not { HasValue: true, Value: string name }
                    || !expiredNames.TryGetValue(name, out var declaration)
                    || IsFlagConstant(argument.Value, model)
                    || !model.IsFlagNameParameter(argument.Parameter))
                {
                    return;
                }

                c.ReportDiagnostic(Create(argument.Value.Syntax.GetLocation(), declaration, settings));
            },
            OperationKind.Argument);
    }

    // A flag constant passed as an argument is already reported as a field reference.
    private static bool IsFlagConstant(IOperation value, FlagModel model)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IFieldReferenceOperation field && model.FindByField(field.Field) != null;
    }

    private static Diagnostic Create(Location location, FlagDeclaration declaration, BuildSettings settings) =>
        Diagnostic.Create(Rule, location, declaration.Name, declaration.ExpiresText, settings.TodayText, declaration.OwnerNote);
}
