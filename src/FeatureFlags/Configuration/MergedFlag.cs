namespace FeatureFlags.Configuration;

/// <summary>A flag's configuration merged across sources, with the sources that supplied it.</summary>
internal sealed record MergedFlag(string Name, FlagNode Node, FlagValueSource[] Sources);
