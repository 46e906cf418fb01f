using FeatureFlags.Validation;

namespace FeatureFlags.Configuration;

/// <summary>A flag's configuration merged across sources, with the sources that supplied it.</summary>
/// <param name="Name">The flag's name as configuration spells it.</param>
/// <param name="Node">The merged configuration, which validation turns into a <see cref="FlagSpec"/>.</param>
/// <param name="Sources">The keys that supplied it, earliest first.</param>
/// <param name="ShorthandAsEnabled">
/// The source of a plain value that a later source's properties turned into <c>Enabled</c>
/// (<c>"AdminTools": false</c>, then <c>{ "Users": ["alice"] }</c>), or null: the precedence rule readers least expect.
/// </param>
internal sealed record MergedFlag(string Name, FlagNode Node, FlagValueSource[] Sources, FlagValueSource? ShorthandAsEnabled = null);
