global using FeatureFlags.Testing;
