namespace FeatureFlags.Generators.Model;

/// <summary>A type declaration to reopen as partial: its keyword (<c>class</c>, <c>record struct</c>…) and name with type parameters.</summary>
internal sealed record ContainingTypeModel(string Keyword, string NameWithTypeParameters);
