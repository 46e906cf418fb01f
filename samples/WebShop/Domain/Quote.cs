namespace WebShop.Domain;

/// <summary>What an order costs.</summary>
public sealed record Quote(decimal Subtotal, decimal Shipping, decimal Total);
