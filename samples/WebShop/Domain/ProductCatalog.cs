namespace WebShop.Domain;

/// <summary>The shop's products (in memory, for the demo). Immutable and thread-safe.</summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<int, Product> _byId;

    public ProductCatalog(IEnumerable<Product> products)
    {
        Products = products.ToList();
        _byId = Products.ToDictionary(p => p.Id);
    }

    public IReadOnlyList<Product> Products { get; }

    /// <summary>The demo's five products.</summary>
    public static ProductCatalog CreateDemo() => new(
        [
            new Product(1, "Espresso beans, 1 kg", 24.90m, "coffee"),
            new Product(2, "Filter papers, 100", 3.50m, "coffee"),
            new Product(3, "Hand grinder", 59.00m, "equipment"),
            new Product(4, "Milk jug", 12.00m, "equipment"),
            new Product(5, "Decaf beans, 500 g", 11.90m, "coffee"),
        ]);

    public Product? Find(int id) => _byId.GetValueOrDefault(id);
}
