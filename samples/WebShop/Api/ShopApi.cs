using FeatureFlags;

using WebShop.Domain;

namespace WebShop.Api;

/// <summary>
/// The shop's minimal API. Each handler is the edge: it reads the request's flag snapshot once and
/// passes plain booleans into the domain services.
/// </summary>
internal static class ShopApi
{
    public static void MapShopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        // A cart naming an unknown product is the client's mistake: 400, not 500.
        api.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (UnknownProductException exception)
            {
                return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });

        api.MapGet("/products", (ProductCatalog catalog) => catalog.Products);

        api.MapGet("/home", (HttpContext http, IFlagSnapshot flags, HomePageService home) =>
            home.Build(http.User.Identity?.Name, showRecommendations: Flags.For(flags).Recommendations));

        api.MapPost("/quote", (CartRequest cart, IFlagSnapshot flags, PricingService pricing) =>
            pricing.Quote(cart.Items, freeShipping: Flags.For(flags).FreeShipping));

        api.MapPost("/checkout", (CartRequest cart, IFlagSnapshot flags, CheckoutService checkout) =>
            checkout.Place(cart.Items, newCheckout: false, freeShipping: Flags.For(flags).FreeShipping));

        // The new flow exists only for those the flag lets in; everyone else gets 404 as if it did not exist.
        api.MapPost("/checkout/v2", (CartRequest cart, IFlagSnapshot flags, CheckoutService checkout) =>
                checkout.Place(cart.Items, newCheckout: true, freeShipping: Flags.For(flags).FreeShipping))
            .RequireFlag(Flags.NewCheckout);

        // The experiment: the variant is sticky per signed-in user, the same on every server.
        api.MapGet("/experiments/buy-button", (IFlagSnapshot flags) =>
            new ExperimentAssignment(Flags.BuyButton, flags.Context.Key, Flags.For(flags).BuyButtonVariant));

        var reports = api.MapGroup("/reports").RequireFlag(Flags.BetaReports);
        reports.MapGet("/sales", (ProductCatalog catalog) => catalog.Products
            .GroupBy(p => p.Category)
            .Select(g => new SalesLine(g.Key, g.Count())));
    }
}

/// <summary>A cart sent by the client.</summary>
internal sealed record CartRequest(IReadOnlyList<CartLine> Items);

/// <summary>Which variant of an experiment a user sees.</summary>
internal sealed record ExperimentAssignment(string Experiment, string? User, string? Variant);

/// <summary>One line of the sales report.</summary>
internal sealed record SalesLine(string Category, int Products);
