namespace WebShop.Domain;

/// <summary>A placed order; <see cref="Flow"/> says which checkout made it (v1 or v2).</summary>
public sealed record Order(string OrderNumber, Quote Quote, string Flow, DateOnly? EstimatedDelivery);
