namespace TestingSample;

/// <summary>One line of a cart.</summary>
/// <param name="Product">The product's name.</param>
/// <param name="UnitPrice">The price of one item.</param>
/// <param name="Quantity">How many items.</param>
public sealed record CartLine(string Product, decimal UnitPrice, int Quantity);
