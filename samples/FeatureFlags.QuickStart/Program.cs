using FeatureFlags;
using FeatureFlags.QuickStart;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The demo shows its local-development values unless told otherwise: `-- --environment Production`.
if (!args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))
    && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null)
{
    args = [.. args, "--environment", "Development"];
}

// The settings files sit beside the program, wherever `dotnet run` is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddFeatureFlags(builder.Configuration).AddCatalog(Flags.Catalog);

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (FlagConfigurationException exception)
{
    // Bad flag configuration stops start-up, listing every problem with its configuration path.
    Console.Error.WriteLine(exception.Message);
    return 1;
}

Console.WriteLine($"Environment: {builder.Environment.EnvironmentName}");
Console.WriteLine();

var factory = host.Services.GetRequiredService<IFlagSnapshotFactory>();
var users = new[]
{
    new EvaluationContext(null),
    new EvaluationContext("alice"),
    new EvaluationContext("bob", ["beta-testers"]),
};

foreach (var user in users)
{
    // The edge of the application: take one snapshot, read the flags, pass plain values inward.
    var flags = factory.CreateSnapshot(user);
    Console.WriteLine($"For {user}:");
    foreach (var flag in flags.ExplainAll())
    {
        var value = flag.IsEnabled ? "on " : "off";
        var variant = flag.Variant is null ? string.Empty : $" [{flag.Variant}]";
        var source = flag.DecidingSource?.ToString() ?? "declared default";
        Console.WriteLine($"  {flag.Flag,-16} {value}{variant,-8} {flag.Reason,-14} {source}");
        if (flag.Note is { } note)
        {
            // A precedence rule decided this answer; say which, so nobody has to guess.
            Console.WriteLine($"  {string.Empty,-16} note: {note}");
        }
    }

    // Typed access generated from Flags.cs: a misspelt flag is a compile error, not a silent false.
    var typed = Flags.For(flags);
    Console.WriteLine("  => " + Checkout.Describe(typed.NewCheckout, typed.CheckoutButtonVariant));
    Console.WriteLine();
}

Console.WriteLine("Try: dotnet run --project samples/FeatureFlags.QuickStart -- --environment Production");
Console.WriteLine(" or:  FeatureFlags__NewCheckout=false dotnet run --project samples/FeatureFlags.QuickStart");
await host.StopAsync();
return 0;
