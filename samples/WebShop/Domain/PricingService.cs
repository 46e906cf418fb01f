namespace WebShop.Domain;

/// <summary>
/// Prices a cart. Knows nothing about flags: the caller decides whether free shipping applies and
/// passes a plain <see cref="bool"/>, so every combination is a one-line unit test.
/// </summary>
public sealed class PricingService(ProductCatalog catalog)
{
    public const decimal StandardShipping = 4.95m;

    public const decimal FreeShippingThreshold = 50.00m;

    public Quote Quote(IEnumerable<CartLine> lines, bool freeShipping)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var subtotal = 0m;
        foreach (var line in lines)
        {
            if (line.Quantity <= 0)
            {
                continue;
            }

            var product = catalog.Find(line.ProductId) ?? throw new UnknownProductException(line.ProductId);
            subtotal += product.Price * line.Quantity;
        }

        var shipping = subtotal == 0m || (freeShipping && subtotal >= FreeShippingThreshold) ? 0m : StandardShipping;
        return new Quote(subtotal, shipping, subtotal + shipping);
    }
}
