namespace FeatureFlags.Package.Tests;

[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    [Theory]
    [InlineData("lib/net8.0/FeatureFlags.dll")]
    [InlineData("lib/net10.0/FeatureFlags.dll")]
    [InlineData("analyzers/dotnet/cs/FeatureFlags.Generators.dll")]
    [InlineData("analyzers/dotnet/cs/FeatureFlags.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/FeatureFlags.CodeFixes.dll")]
    [InlineData("buildTransitive/FeatureFlags.props")]
    [InlineData("buildTransitive/FeatureFlags.targets")]
    public void Pack_FeatureFlags_HasEntry(string entry)
    {
        package.Entries().ShouldContain(entry);
    }

    [Theory]
    [InlineData("FeatureFlags")]
    [InlineData("FeatureFlags.Testing")]
    [InlineData("FeatureFlags.Testing.Xunit")]
    [InlineData("FeatureFlags.Testing.XunitV3")]
    [InlineData("FeatureFlags.Etcd")]
    public void Pack_EachPackage_CarriesItsOwnShortReadme(string packageId)
    {
        var readme = package.ReadEntry(packageId, "README.md");

        readme.ShouldStartWith($"# {packageId}\n");
        readme.Split('\n').Length.ShouldBeLessThan(40);
        package.ReadEntry(packageId, packageId + ".nuspec").ShouldContain("<readme>README.md</readme>");
    }

    [Fact]
    public void Pack_Etcd_DependsOnTheCoreAndDotnetEtcd10ForBothFrameworks()
    {
        var nuspec = package.ReadEntry("FeatureFlags.Etcd", "FeatureFlags.Etcd.nuspec");

        nuspec.ShouldContain("<group targetFramework=\"net8.0\">");
        nuspec.ShouldContain("<group targetFramework=\"net10.0\">");
        nuspec.ShouldContain("<dependency id=\"dotnet-etcd\" version=\"10.0.0\"");
        nuspec.ShouldContain("<dependency id=\"FeatureFlags\" version=\"" + package.Version + "\"");
    }

    [Fact]
    public void Pack_EveryDeclaredRoslynComponent_IsUnderAnalyzersDotnetCs()
    {
        var components = PackageFixture.RoslynComponents;

        components.ShouldContain("FeatureFlags.Generators");
        components.ShouldContain("FeatureFlags.Analyzers");
        components.ShouldContain("FeatureFlags.CodeFixes");
        foreach (var component in components)
        {
            package.Entries().ShouldContain($"analyzers/dotnet/cs/{component}.dll");
        }
    }

    [Fact]
    public void Pack_AnalyzersFolder_CarriesNoRoslynAssemblies()
    {
        package.Entries().Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal))
            .ShouldAllBe(e => !e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Pack_Nuspec_HasNoRoslynOrComponentDependency()
    {
        var nuspec = package.ReadEntry("FeatureFlags.nuspec");

        nuspec.ShouldContain("<dependency id=\"Microsoft.Extensions.Options\"");
        nuspec.ShouldNotContain("Microsoft.CodeAnalysis");
        foreach (var component in PackageFixture.RoslynComponents)
        {
            nuspec.ShouldNotContain($"id=\"{component}\"");
        }
    }

    [Fact]
    public void Pack_BuildTransitiveProps_ExposeTheAnalyzerProperties()
    {
        var props = package.ReadEntry("buildTransitive/FeatureFlags.props");

        props.ShouldContain("<CompilerVisibleProperty Include=\"FeatureFlagsToday\" />");
        props.ShouldContain("<CompilerVisibleProperty Include=\"FeatureFlagsExpiryWarningDays\" />");
        package.ReadEntry("buildTransitive/FeatureFlags.targets").ShouldContain("appsettings*.json");
    }
}
