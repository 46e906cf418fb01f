using FeatureFlags.Analyzers.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace FeatureFlags.CodeFixes.Removal;

/// <summary>
/// Finds every use of one flag in a document and what each becomes once the flag is gone:
/// <list type="bullet">
/// <item><c>IsEnabled</c> on a snapshot or reader, and the generated view's property: the kept value;</item>
/// <item><c>GetVariant</c> and the view's <c>…Variant</c> property: the kept variant, or <c>null</c>;</item>
/// <item><c>.RequireFlag(…)</c>: gone when kept on; kept off, the mapping statement goes, or a <c>// TODO</c> marks it;</item>
/// <item><c>[RequireFlag(…)]</c>: gone when kept on; kept off, a <c>// TODO</c> marks the dead member;</item>
/// <item>any other use of the constant, key or value property: the name as a literal, <c>new FlagKey("…")</c>, <c>default</c>.</item>
/// </list>
/// </summary>
internal sealed class FlagUses
{
    private readonly RemovedFlag _flag;
    private readonly SemanticModel _model;
    private readonly CompilationFlags _flags;
    private readonly CancellationToken _cancellationToken;

    public FlagUses(RemovedFlag flag, SemanticModel model, CancellationToken cancellationToken)
    {
        _flag = flag;
        _model = model;
        _flags = CompilationFlags.For(model.Compilation);
        _cancellationToken = cancellationToken;
    }

    /// <summary>What a human must still do: one line per TODO left in the code.</summary>
    public List<string> Todos { get; } = [];

    /// <summary>The nodes a <c>// TODO</c> comment goes before, with the comment; their inside is rewritten as usual.</summary>
    public Dictionary<SyntaxNode, string> TodoAnchors { get; } = [];

    /// <summary>The line break the document uses, for the TODO lines written into it.</summary>
    public SyntaxTrivia LineBreak { get; private set; } = LineFeed;

    /// <summary>Statements that only served what the flag gated off (the endpoints of a dead group): removed too.</summary>
    public List<StatementSyntax> DeadStatements { get; } = [];

    /// <summary>Removed nodes whose leading trivia (the blank line before an attribute list) stays.</summary>
    public HashSet<SyntaxNode> KeepLeadingTrivia { get; } = [];

    /// <summary>The outermost uses in <paramref name="root"/> and their replacements; a null replacement removes the node.</summary>
    public Dictionary<SyntaxNode, SyntaxNode?> Find(SyntaxNode root)
    {
        var uses = new Dictionary<SyntaxNode, SyntaxNode?>();
        foreach (var node in root.DescendantNodes(n => !uses.ContainsKey(n)))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (Replacement(node) is { } use)
            {
                uses[use.Node] = use.With;
            }
        }

        // A use inside another (a name inside an IsEnabled call) goes with it.
        return uses.Where(u => !u.Key.Ancestors().Any(uses.ContainsKey)).ToDictionary(u => u.Key, u => u.Value);
    }

    private (SyntaxNode Node, SyntaxNode? With)? Replacement(SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation when Called(invocation) is { } method && FirstArgumentNamesFlag(invocation):
                return method switch
                {
                    "IsEnabled" => (invocation, Bool(_flag.KeepOn)),
                    "GetVariant" => (invocation, Variant()),
                    "RequireFlag" => RequireFlag(invocation),
                    "With" => TestWith(invocation),
                    _ => null,
                };
            case AttributeSyntax attribute when IsRequireFlag(attribute):
                return RequireFlag(attribute);
            case ArgumentSyntax argument when IsParamsFlagName(argument.Expression, argument.Parent?.Parent):
                // One of several flag names (a test matrix's planned flags): the others stay, this one goes.
                return (argument, null);
            case AttributeArgumentSyntax argument when argument.NameEquals is null && IsParamsFlagName(argument.Expression, argument.Parent?.Parent):
                return (argument, null);
            case MemberAccessExpressionSyntax access when _model.GetSymbolInfo(access, _cancellationToken).Symbol is IPropertySymbol property && IsGenerated(property):
                return property.Name == _flag.MemberName ? (access, Bool(_flag.KeepOn))
                    : property.Name == _flag.MemberName + FlagDeclarationShape.VariantSuffix ? (access, Variant())
                    : property.Name == _flag.MemberName + FlagDeclarationShape.ValueSuffix ? (access, DefaultExpression(ParseTypeName(property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).TrimEnd('?'))))
                    : null;
            case ExpressionSyntax expression when expression is IdentifierNameSyntax or MemberAccessExpressionSyntax && NamesFlagSymbol(expression) is { } replacement:
                return (expression, replacement);
            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="expression"/> names the flag: its constant or name, its generated key, a <c>FlagKey</c> of it.</summary>
    private bool NamesFlag(ExpressionSyntax expression)
    {
        if (_model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: string name })
        {
            return string.Equals(name, _flag.Name, StringComparison.OrdinalIgnoreCase);
        }

        if (expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation
            && _model.GetTypeInfo(creation, _cancellationToken).Type?.ToDisplayString() == "FeatureFlags.FlagKey")
        {
            return NamesFlag(creation.ArgumentList.Arguments[0].Expression);
        }

        return IsKey(_model.GetSymbolInfo(expression, _cancellationToken).Symbol);
    }

    /// <summary>A reference to the constant or the generated key that is not an argument of a read: the value it stood for.</summary>
    private SyntaxNode? NamesFlagSymbol(ExpressionSyntax expression)
    {
        if (expression.Parent is MemberAccessExpressionSyntax parent && parent.Name == expression)
        {
            return null;
        }

        var symbol = _model.GetSymbolInfo(expression, _cancellationToken).Symbol;
        if (symbol is IFieldSymbol field && IsThisFlag(_flags.FindByField(field)))
        {
            return LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(_flag.Name));
        }

        return IsKey(symbol)
            ? ObjectCreationExpression(ParseTypeName("global::FeatureFlags.FlagKey")).WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(_flag.Name))))))
            : null;
    }

    /// <summary>Whether <paramref name="expression"/> names the flag among the <c>params</c> flag names of a call or attribute.</summary>
    private bool IsParamsFlagName(ExpressionSyntax expression, SyntaxNode? call)
    {
        if (call is null || !NamesFlag(expression) || _model.GetSymbolInfo(call, _cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var last = method.Parameters.Length > 0 ? method.Parameters[method.Parameters.Length - 1] : null;
        var arguments = call is InvocationExpressionSyntax invocation ? invocation.ArgumentList.Arguments.Count
            : call is AttributeSyntax attribute ? attribute.ArgumentList?.Arguments.Count(a => a.NameEquals is null) ?? 0
            : call is ObjectCreationExpressionSyntax creation ? creation.ArgumentList?.Arguments.Count ?? 0 : 0;
        var position = expression.Parent?.Parent is { } list ? list.ChildNodes().ToList().IndexOf(expression.Parent) : -1;
        return last is { IsParams: true } && position >= method.Parameters.Length - 1 && arguments >= method.Parameters.Length;
    }

    /// <summary>The generated key of the flag (<c>Flags.Keys.X</c>): the one generated member that is a field.</summary>
    private bool IsKey(ISymbol? symbol) => symbol is IFieldSymbol key && IsGenerated(key);

    /// <summary>A member the generator wrote for this flag: its key, or its view's value, variant or variant-value property.</summary>
    private bool IsGenerated(ISymbol member) => IsThisFlag(_flags.FindByGeneratedMember(member));

    private bool IsThisFlag(FlagDeclaration? declaration) =>
        declaration is not null && string.Equals(declaration.Name, _flag.Name, StringComparison.OrdinalIgnoreCase);

    private string? Called(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsEnabled" or "GetVariant" or "RequireFlag" or "With" }
        && _model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method
        && IsLibrary(method)
            ? method.Name
            : null;

    /// <summary>Declared by the library: its namespaces, or its assemblies (its extension methods live in the framework's namespaces).</summary>
    private static bool IsLibrary(ISymbol symbol) =>
        symbol.ContainingNamespace?.ToDisplayString() is "FeatureFlags" or "FeatureFlags.Testing" or "FeatureFlags.AspNetCore"
        || symbol.ContainingAssembly?.Name.StartsWith("FeatureFlags", StringComparison.Ordinal) == true;

    private bool FirstArgumentNamesFlag(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Count >= 1 && NamesFlag(invocation.ArgumentList.Arguments[0].Expression);

    private bool IsRequireFlag(AttributeSyntax attribute) =>
        attribute.ArgumentList is { Arguments.Count: 1 } arguments
        && _model.GetSymbolInfo(attribute, _cancellationToken).Symbol?.ContainingType.ToDisplayString() == "FeatureFlags.AspNetCore.RequireFlagAttribute"
        && NamesFlag(arguments.Arguments[0].Expression);

    /// <summary>Kept on, the gate goes; kept off, the endpoint is dead: its statement goes, or a TODO says so.</summary>
    private (SyntaxNode, SyntaxNode?)? RequireFlag(InvocationExpressionSyntax invocation)
    {
        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        if (_flag.KeepOn)
        {
            return (invocation, receiver.WithTrailingTrivia(invocation.GetTrailingTrivia()));
        }

        if (invocation.Parent is ExpressionStatementSyntax statement && IsMapping(receiver))
        {
            return (statement, null);
        }

        // var group = app.MapGroup("/x").RequireFlag(flag); group.MapGet(…); …: the group and all it maps are dead.
        if (invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } && IsMapping(receiver)
            && declarator.Parent?.Parent is LocalDeclarationStatementSyntax { Parent: BlockSyntax block } declaration
            && declaration.Declaration.Variables.Count == 1
            && _model.GetDeclaredSymbol(declarator, _cancellationToken) is ILocalSymbol group)
        {
            foreach (var user in block.Statements.Where(s => s != declaration && s.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == group.Name
                && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(i, _cancellationToken).Symbol, group))))
            {
                DeadStatements.Add(user);
            }

            return (declaration, null);
        }

        Todo(invocation.FirstAncestorOrSelf<StatementSyntax>() ?? (SyntaxNode)invocation, "endpoints gated by it are never reached: remove them");
        return null;
    }

    /// <summary>A test snapshot that set the flag: the flag is gone, so is the setting; a snapshot of that one flag becomes an empty one.</summary>
    private (SyntaxNode, SyntaxNode?)? TestWith(InvocationExpressionSyntax invocation)
    {
        if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol method || method.ReturnType.Name != "TestFlagSnapshot")
        {
            return null;
        }

        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        return method.IsStatic
            ? (invocation, ParseExpression("global::FeatureFlags.Testing.TestFlags.None"))
            : (invocation, receiver.WithTrailingTrivia(invocation.GetTrailingTrivia()));
    }

    private (SyntaxNode, SyntaxNode?)? RequireFlag(AttributeSyntax attribute)
    {
        var list = (AttributeListSyntax)attribute.Parent!;
        if (_flag.KeepOn)
        {
            var removed = list.Attributes.Count == 1 ? (SyntaxNode)list : attribute;
            KeepLeadingTrivia.Add(removed);
            return (removed, null);
        }

        // A page or controller that only the flag let through is dead as a whole.
        if (list.Parent is ClassDeclarationSyntax type && type.AttributeLists.Count > 0)
        {
            return (type, null);
        }

        Todo(list, "this is never reached: remove it");
        return null;
    }

    private void Todo(SyntaxNode anchor, string what)
    {
        var location = anchor.GetLocation().GetLineSpan();
        var text = "the flag '" + _flag.Name + "' was removed and kept off; " + what;
        Todos.Add($"{location.Path}({location.StartLinePosition.Line + 1}): {text}");
        TodoAnchors[anchor] = "// TODO: " + text + ".";
        var lineBreak = anchor.SyntaxTree.GetRoot(_cancellationToken).DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        LineBreak = lineBreak.IsKind(SyntaxKind.EndOfLineTrivia) ? lineBreak : LineFeed;
    }

    /// <summary><paramref name="node"/> with <paramref name="comment"/> on a line of its own before it, at its indentation.</summary>
    public static SyntaxNode WithTodo(SyntaxNode node, string comment, SyntaxTrivia lineBreak)
    {
        var leading = node.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
        leading = leading.Add(Comment(comment)).Add(lineBreak);
        return node.WithLeadingTrivia(indentation == default ? leading : leading.Add(indentation));
    }

    /// <summary>A call whose result is a mapped endpoint (<c>app.MapGet(…)</c>, <c>group.MapPost(…)</c>), which a statement can lose whole.</summary>
    private static bool IsMapping(ExpressionSyntax receiver) =>
        receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && access.Name.Identifier.ValueText.StartsWith("Map", StringComparison.Ordinal);

    private ExpressionSyntax Variant() =>
        _flag.KeepOn && _flag.Variant is { } variant
            ? LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(variant))
            : LiteralExpression(SyntaxKind.NullLiteralExpression);

    /// <summary>The literal a read becomes.</summary>
    public static LiteralExpressionSyntax Bool(bool value) =>
        LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
}
