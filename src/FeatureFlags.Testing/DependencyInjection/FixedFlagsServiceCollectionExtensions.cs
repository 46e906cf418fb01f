using FeatureFlags;
using FeatureFlags.Testing;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts fixed flags into an application's service collection, for integration tests.</summary>
public static class FixedFlagsServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the application's <see cref="IFlagSnapshot"/>, <see cref="IFlagSnapshotFactory"/> and
    /// <see cref="IFlagReader"/> registrations with <paramref name="snapshot"/>: every scope, every snapshot the
    /// factory creates, and every read outside a scope then sees these flags. Works before or after <c>AddFeatureFlags</c>, which only adds
    /// what is missing.
    /// </summary>
    /// <remarks>
    /// <para>
    /// This is the one extension that replaces rather than <c>TryAdd</c>s: replacing is its purpose.
    /// The application's own flag configuration is still read and validated at start-up, so a test
    /// host fails on bad settings just as production would.
    /// </para>
    /// <para>
    /// A <see cref="TestFlagSnapshot"/> follows the context passed to
    /// <see cref="IFlagSnapshotFactory.CreateSnapshot(EvaluationContext)"/>, and each scope's
    /// <see cref="IFlagSnapshot"/> follows the application's <see cref="IEvaluationContextProvider"/>
    /// (the signed-in user, with FeatureFlags.AspNetCore), as in production; any other snapshot is served as is.
    /// </para>
    /// </remarks>
    /// <param name="services">The application's services.</param>
    /// <param name="snapshot">The flags every part of the application sees.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <example>
    /// <code>
    /// await using var factory = new WebApplicationFactory&lt;Program&gt;().WithWebHostBuilder(web =&gt;
    ///     web.ConfigureTestServices(services =&gt; services.UseFixedFlags(TestFlags.AllOn&lt;Flags&gt;())));
    /// </code>
    /// </example>
    public static IServiceCollection UseFixedFlags(this IServiceCollection services, IFlagSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(snapshot);

        services.RemoveAll<IFlagSnapshot>();
        services.RemoveAll<IFlagSnapshotFactory>();
        services.RemoveAll<IFlagReader>();
        var factory = new FixedFlagSnapshotFactory(snapshot);
        services.AddSingleton<IFlagSnapshotFactory>(factory);
        services.AddSingleton<IFlagReader>(new FixedFlagReader(factory));

        // Scoped like the real registration, so a request's snapshot follows the request's user
        // (targeting read from an environment still applies) exactly as in production.
        services.AddScoped(provider => provider.GetService<IEvaluationContextProvider>() is { } contexts
            ? factory.CreateSnapshot(contexts.GetContext())
            : factory.CreateSnapshot());
        return services;
    }
}
