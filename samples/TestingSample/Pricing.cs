namespace TestingSample;

/// <summary>
/// Domain code: it takes plain booleans, not flags, so it is tested without any flag library and is
/// unaware of how the decision was made.
/// </summary>
public static class Pricing
{
    /// <summary>The shipping charged when shipping is not free.</summary>
    public const decimal Shipping = 4.90m;

    /// <summary>The total of a cart.</summary>
    /// <param name="lines">The cart.</param>
    /// <param name="newCheckout">Whether the new checkout's 10% discount on carts of 50 or more applies.</param>
    /// <param name="freeShipping">Whether shipping is free.</param>
    /// <returns>The amount to pay, never less than the items' total minus the discount.</returns>
    public static decimal Total(IEnumerable<CartLine> lines, bool newCheckout, bool freeShipping)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var items = lines.Sum(l => l.UnitPrice * l.Quantity);
        var discount = newCheckout && items >= 50m ? Math.Round(items * 0.10m, 2) : 0m;
        return items - discount + (freeShipping ? 0m : Shipping);
    }
}
