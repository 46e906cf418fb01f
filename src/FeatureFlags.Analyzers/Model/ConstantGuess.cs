namespace FeatureFlags.Analyzers.Model;

/// <summary>What syntax alone says about an expression's constant value.</summary>
internal enum ConstantGuess
{
    /// <summary>Cannot be a string constant (a call, a lambda, a property, ...).</summary>
    NotConstant,

    /// <summary>Either not a constant or exactly <see cref="ConstantSyntax.Guess"/>'s value.</summary>
    Known,

    /// <summary>Only the semantic model can tell.</summary>
    Unknown,
}
