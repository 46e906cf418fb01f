namespace TestingSample;

/// <summary>What the checkout page shows.</summary>
/// <param name="Total">The amount to pay.</param>
/// <param name="ButtonColour">The checkout button's colour.</param>
/// <param name="Recommendations">The recommendations line, or null when recommendations are switched off.</param>
public sealed record CheckoutSummary(decimal Total, string ButtonColour, string? Recommendations);
