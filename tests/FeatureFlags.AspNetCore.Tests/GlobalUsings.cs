global using FeatureFlags.AspNetCore.Tests.Hosting;
