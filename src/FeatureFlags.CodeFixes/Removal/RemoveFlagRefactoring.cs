using System.Composition;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.CodeFixes.Removal;

/// <summary>
/// "Remove flag 'X', keeping it on / off" on any flag's declaration, expired or not: removing a flag that has done its
/// job should not wait for its expiry date. The same rewrite as <see cref="Rules.RemoveFlagCodeFix"/>.
/// </summary>
[ExportCodeRefactoringProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RemoveFlagRefactoring))]
[Shared]
public sealed class RemoveFlagRefactoring : CodeRefactoringProvider
{
    /// <inheritdoc />
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<FieldDeclarationSyntax>() is not { Declaration.Variables.Count: 1 } field
            || model?.GetDeclaredSymbol(field.Declaration.Variables[0], context.CancellationToken) is not IFieldSymbol symbol
            || CompilationFlags.For(model.Compilation).FindByField(symbol) is not { } declaration)
        {
            return;
        }

        foreach (var action in Actions(context.Document.Project.Solution, declaration))
        {
            context.RegisterRefactoring(action);
        }
    }

    /// <summary>The two removals of a flag, as the code fix and the refactoring offer them.</summary>
    internal static IEnumerable<CodeAction> Actions(Solution solution, FlagDeclaration declaration)
    {
        foreach (var keepOn in new[] { true, false })
        {
            var flag = new RemovedFlag(declaration.Name, declaration.Field.Name, keepOn);
            yield return CodeAction.Create(
                "Remove flag '" + declaration.Name + "', keeping it " + (keepOn ? "on" : "off"),
                cancellationToken => FlagRemoval.RemoveAsync(solution, flag, cancellationToken),
                keepOn ? Rules.RemoveFlagCodeFix.KeepOnKey : Rules.RemoveFlagCodeFix.KeepOffKey);
        }
    }
}
