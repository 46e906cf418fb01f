namespace WebShop.Domain;

/// <summary>
/// Places orders. The new flow adds a delivery estimate; which flow runs is decided at the edge by
/// the <c>NewCheckout</c> flag and arrives here as a plain <see cref="bool"/>.
/// </summary>
public sealed class CheckoutService(PricingService pricing, TimeProvider time)
{
    public Order Place(IEnumerable<CartLine> lines, bool newCheckout, bool freeShipping)
    {
        var quote = pricing.Quote(lines, freeShipping);
        var number = $"WS-{time.GetUtcNow():yyyyMMddHHmmss}";
        return newCheckout
            ? new Order(number, quote, "v2", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(2))
            : new Order(number, quote, "v1", null);
    }
}
