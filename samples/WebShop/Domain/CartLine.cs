namespace WebShop.Domain;

/// <summary>A product and how many of it.</summary>
public sealed record CartLine(int ProductId, int Quantity);
