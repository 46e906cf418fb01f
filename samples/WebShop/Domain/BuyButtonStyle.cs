namespace WebShop.Domain;

/// <summary>What a variant of the buy-button experiment shows: its value in configuration, bound once per reload.</summary>
public sealed class BuyButtonStyle
{
    /// <summary>Gets or sets the button's text.</summary>
    public string Label { get; set; } = "Buy now";
}
