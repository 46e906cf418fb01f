global using FeatureFlags.Etcd;
global using FeatureFlags.Tests;
