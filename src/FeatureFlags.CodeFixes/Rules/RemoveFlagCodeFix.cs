using System.Collections.Immutable;
using System.Composition;
using FeatureFlags.Analyzers;
using FeatureFlags.Analyzers.Model;
using FeatureFlags.CodeFixes.Removal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FeatureFlags.CodeFixes.Rules;

/// <summary>
/// FF0001 and FF0002: "Remove flag 'X', keeping it on" and "… keeping it off". Each rewrites the whole solution in one
/// step: every read of the flag becomes the kept value, conditions and branches on it fold away, its declaration and
/// its keys in every <c>appsettings*.json</c> go.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveFlagCodeFix))]
[Shared]
public sealed class RemoveFlagCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action that keeps the flag's feature.</summary>
    public const string KeepOnKey = "FeatureFlags.RemoveFlag.KeepOn";

    /// <summary>The equivalence key of the action that removes the flag's feature.</summary>
    public const string KeepOffKey = "FeatureFlags.RemoveFlag.KeepOff";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ExpiredFlag, DiagnosticIds.ExpiringFlag);

    /// <summary>None: one action already removes every use in the solution, which is what fix-all would do.</summary>
    /// <returns><see langword="null"/>.</returns>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticIds.FlagNameProperty, out var name) || name is null
                || CompilationFlags.For(compilation).FindByName(name) is not { Count: > 0 } declarations)
            {
                continue;
            }

            foreach (var action in RemoveFlagRefactoring.Actions(context.Document.Project.Solution, declarations[0]))
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }
}
