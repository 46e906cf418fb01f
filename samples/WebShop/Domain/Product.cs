namespace WebShop.Domain;

/// <summary>Something the shop sells.</summary>
public sealed record Product(int Id, string Name, decimal Price, string Category);
