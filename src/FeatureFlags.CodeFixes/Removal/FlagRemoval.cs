using FeatureFlags.Analyzers.Rules;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FeatureFlags.CodeFixes.Removal;

/// <summary>
/// Removes a flag from a whole solution, keeping it on or off: every read becomes the kept value and what follows is
/// folded (<see cref="ConstantFolder"/>), the <c>[Flag]</c> declaration goes, and so does the flag's key in every
/// <c>appsettings*.json</c> of every project. One step, where the IDE's fix-all would take one per diagnostic.
/// </summary>
internal static class FlagRemoval
{
    private static readonly SyntaxAnnotation Declaration = new("FeatureFlags.RemovedDeclaration");

    public static async Task<Solution> RemoveAsync(Solution solution, RemovedFlag flag, CancellationToken cancellationToken) =>
        (await RemoveWithTodosAsync(solution, flag, cancellationToken).ConfigureAwait(false)).Solution;

    /// <summary>Removes the flag, and says what is left for a human: one line per <c>// TODO</c> written into the code.</summary>
    public static async Task<(Solution Solution, List<string> Todos)> RemoveWithTodosAsync(Solution solution, RemovedFlag flag, CancellationToken cancellationToken)
    {
        var todos = new List<string>();
        // Every document is read against the solution as it was: once the declaration is gone, its uses no longer bind.
        var original = solution;
        var rewritten = new List<(DocumentId Id, SyntaxNode Root)>();
        foreach (var document in original.Projects.SelectMany(p => p.Documents))
        {
            if (await RewriteAsync(document, flag, todos, cancellationToken).ConfigureAwait(false) is { } root)
            {
                rewritten.Add((document.Id, root));
            }
        }

        foreach (var (id, root) in rewritten)
        {
            var document = solution.GetDocument(id)!.WithSyntaxRoot(root);
            solution = (await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false)).Project.Solution;
        }

        foreach (var projectId in solution.ProjectIds)
        {
            foreach (var settings in solution.GetProject(projectId)!.AdditionalDocuments.Where(d => AppSettingsAnalyzer.IsAppSettings(d.FilePath ?? d.Name)))
            {
                var text = await settings.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (AppSettingsFlagRemover.Remove(text, flag.Name, FlagRules.DefaultSectionName) is { } removed)
                {
                    solution = solution.WithAdditionalDocumentText(settings.Id, removed);
                }
            }
        }

        return (solution, todos);
    }

    /// <summary>The document's root with the flag removed, or null when the document neither reads nor declares it.</summary>
    private static async Task<SyntaxNode?> RewriteAsync(Document document, RemovedFlag flag, List<string> todos, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var finder = new FlagUses(flag, model, cancellationToken);
        var uses = finder.Find(root);
        var declaration = FindDeclaration(root, model, flag, cancellationToken);
        if (uses.Count == 0 && declaration is null)
        {
            return null;
        }

        todos.AddRange(finder.Todos);
        var removed = new SyntaxAnnotation("FeatureFlags.RemovedUse");
        var removedKeepingLeading = new SyntaxAnnotation("FeatureFlags.RemovedUseKeepingLeadingTrivia");
        foreach (var dead in finder.DeadStatements.Where(d => !uses.ContainsKey(d)))
        {
            uses[dead] = null;
        }

        var rewritten = root.ReplaceNodes(
            uses.Keys.Concat(finder.TodoAnchors.Keys).Concat(declaration is null ? [] : [declaration]),
            (original, current) => original == declaration ? current.WithAdditionalAnnotations(Declaration)
                : finder.TodoAnchors.TryGetValue(original, out var todo) ? FlagUses.WithTodo(current, todo, finder.LineBreak)
                : uses[original] is { } replacement ? replacement.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation)
                : current.WithAdditionalAnnotations(finder.KeepLeadingTrivia.Contains(original) ? removedKeepingLeading : removed));
        rewritten = rewritten.RemoveNodes(rewritten.GetAnnotatedNodes(removed), SyntaxRemoveOptions.KeepNoTrivia)!;
        // An attribute list goes, and the member it stood on takes over its leading trivia (blank line, comments, indentation).
        while (rewritten.GetAnnotatedNodes(removedKeepingLeading).FirstOrDefault() is { Parent: MemberDeclarationSyntax member } list)
        {
            var leading = list.GetLeadingTrivia();
            var stripped = member.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!;
            rewritten = rewritten.ReplaceNode(member, member.AttributeLists.IndexOf((AttributeListSyntax)list) == 0 ? stripped.WithLeadingTrivia(leading) : stripped);
        }

        rewritten = rewritten.RemoveNodes(rewritten.GetAnnotatedNodes(removedKeepingLeading), SyntaxRemoveOptions.KeepLeadingTrivia)!;
        if (rewritten.GetAnnotatedNodes(Declaration).FirstOrDefault() is { } annotated)
        {
            rewritten = RemoveMember(rewritten, (MemberDeclarationSyntax)annotated);
        }

        return new ConstantFolder().Visit(rewritten);
    }

    /// <summary>
    /// Removes a member with its comments. The blank line between two members belongs to the second: removing the first
    /// member of a type takes the blank line before the next one too, so the type does not open on an empty line.
    /// </summary>
    private static SyntaxNode RemoveMember(SyntaxNode root, MemberDeclarationSyntax member)
    {
        if (member.Parent is TypeDeclarationSyntax type && type.Members.IndexOf(member) == 0 && type.Members.Count > 1)
        {
            var next = type.Members[1];
            var trivia = next.GetLeadingTrivia();
            var firstKept = 0;
            while (firstKept < trivia.Count && trivia[firstKept].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia))
            {
                firstKept++;
            }

            root = root.ReplaceNode(next, next.WithLeadingTrivia(trivia.Skip(firstKept)));
            member = root.GetAnnotatedNodes(Declaration).OfType<MemberDeclarationSyntax>().First();
        }

        return root.RemoveNode(member, SyntaxRemoveOptions.KeepNoTrivia)!;
    }

    /// <summary>The <c>[Flag]</c> constant's field declaration, when this document declares the flag.</summary>
    private static FieldDeclarationSyntax? FindDeclaration(SyntaxNode root, SemanticModel model, RemovedFlag flag, CancellationToken cancellationToken)
    {
        foreach (var field in root.DescendantNodes().OfType<FieldDeclarationSyntax>())
        {
            if (field.Declaration.Variables.Count == 1
                && field.Declaration.Variables[0].Identifier.ValueText == flag.MemberName
                && model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken) is IFieldSymbol { IsConst: true, ConstantValue: string name } symbol
                && string.Equals(name, flag.Name, StringComparison.OrdinalIgnoreCase)
                && symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == FlagDeclarationShape.FlagAttributeMetadataName))
            {
                return field;
            }
        }

        return null;
    }
}
