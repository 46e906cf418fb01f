using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FeatureFlags.CodeFixes.Syntax;

/// <summary>What every code fix here starts from: the document's syntax root and semantic model.</summary>
internal static class FixContext
{
    /// <summary>The root and the model of the document being fixed, or null when the document has neither (nothing to fix).</summary>
    public static async Task<(SyntaxNode Root, SemanticModel Model)?> RootAndModelAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        return root == null || semanticModel == null ? null : (root, semanticModel);
    }
}
