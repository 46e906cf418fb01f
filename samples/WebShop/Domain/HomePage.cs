namespace WebShop.Domain;

/// <summary>What the home page shows.</summary>
public sealed record HomePage(IReadOnlyList<Product> Products, IReadOnlyList<Product> Recommendations);
