namespace FeatureFlags.Package.Tests;

/// <summary>
/// A console application that references the packed FeatureFlags package by version, published with Native
/// AOT: the publish reports no trim or AOT warning, and the native program reads its flags from
/// appsettings.json as the JIT-compiled one does. Needs clang and zlib (<c>.ci/run</c> installs them).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class NativeAotConsumerTests(PackageFixture package)
{
    private const string Program = """
        using FeatureFlags;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false, reloadOnChange: false)
            .Build();
        var services = new ServiceCollection();
        services.AddFeatureFlags(configuration).AddCatalog(AotFlags.Catalog).AddCatalog<AotFlags>();
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IFlagSnapshotFactory>();
        foreach (var user in new[] { "alice", "bob" })
        {
            var flags = AotFlags.For(factory.CreateSnapshot(new EvaluationContext(user)));
            Console.WriteLine($"{user}: NewCheckout={flags.NewCheckout} Recommendations={flags.Recommendations}");
        }

        Console.WriteLine(factory.CreateSnapshot(new EvaluationContext("alice")).Explain(AotFlags.NewCheckout));
        """;

    private const string Flags = """
        using FeatureFlags;

        [FlagCatalog]
        public sealed partial class AotFlags
        {
            [Flag(FlagKind.Release, Expires = "2099-12-31", Owner = "team-aot")]
            public const string NewCheckout = "NewCheckout";

            [Flag(FlagKind.Ops, Default = true)]
            public const string Recommendations = "Recommendations";
        }
        """;

    [Fact]
    public void Publish_NativeAot_NoTrimOrAotWarningsAndTheProgramReadsItsFlags()
    {
        var (exitCode, output, program) = package.PublishNativeAot(
            "AotConsumer",
            [("Microsoft.Extensions.Configuration.Json", "10.0.0"), ("Microsoft.Extensions.DependencyInjection", "10.0.0")],
            new Dictionary<string, string>
            {
                ["Program.cs"] = Program,
                ["AotFlags.cs"] = Flags,
                ["appsettings.json"] = """{ "FeatureFlags": { "NewCheckout": { "Users": ["alice"] } } }""",
            });

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Generating native code", Case.Sensitive, output);
        output.Split('\n').Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty(output);

        var (runExit, printed) = program();
        runExit.ShouldBe(0, printed);
        printed.ShouldContain("alice: NewCheckout=True Recommendations=True");
        printed.ShouldContain("bob: NewCheckout=False Recommendations=True");
        printed.ShouldContain("NewCheckout: on (TargetedUser; FeatureFlags:NewCheckout:Users in appsettings.json)");
    }
}
