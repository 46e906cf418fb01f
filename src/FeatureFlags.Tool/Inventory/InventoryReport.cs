namespace FeatureFlags.Tool.Inventory;

/// <summary>What <c>featureflags list</c> reports: its JSON form is documented in docs/tool.md and kept stable.</summary>
/// <param name="Today">The date expiry is measured against.</param>
/// <param name="Flags">Every declared flag, by name.</param>
/// <param name="Undeclared">Flags the settings name that no catalog declares.</param>
internal sealed record InventoryReport(DateOnly Today, IReadOnlyList<InventoryFlag> Flags, IReadOnlyList<UndeclaredFlag> Undeclared);

/// <summary>One declared flag.</summary>
internal sealed record InventoryFlag(
    string Name,
    string Catalog,
    string Kind,
    string? Owner,
    string? Description,
    string? Expires,
    int? DaysLeft,
    string? RemovalIssue,
    IReadOnlyDictionary<string, string> Environments,
    int Uses,
    IReadOnlyList<string> Status);

/// <summary>A flag the settings name that no catalog declares, with the files that name it.</summary>
internal sealed record UndeclaredFlag(string Name, IReadOnlyList<string> Files);
