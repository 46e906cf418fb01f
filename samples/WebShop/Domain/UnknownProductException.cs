namespace WebShop.Domain;

/// <summary>A cart names a product the shop does not sell.</summary>
public sealed class UnknownProductException(int productId) : Exception($"No product has id {productId}.")
{
    public int ProductId { get; } = productId;
}
