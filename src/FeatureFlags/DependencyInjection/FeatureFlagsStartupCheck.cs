namespace FeatureFlags.DependencyInjection;

/// <summary>Options type whose only purpose is to hook flag validation into host start-up.</summary>
internal sealed class FeatureFlagsStartupCheck;
