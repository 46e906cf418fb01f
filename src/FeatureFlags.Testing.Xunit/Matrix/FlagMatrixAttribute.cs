// One source for xunit v2 (FeatureFlags.Testing.Xunit) and xunit v3 (FeatureFlags.Testing.XunitV3, which
// compiles this file with XUNIT_V3): the two differ only in how data attributes hand rows to xunit.
using System.Reflection;

#if XUNIT_V3
using Xunit;
using Xunit.Sdk;
using Xunit.v3;
#else
using Xunit.Sdk;
#endif

namespace FeatureFlags.Testing;

/// <summary>
/// xunit theory data: one <see cref="FlagMatrixCase"/> per case of the flag test matrix (see
/// <see cref="FlagMatrix"/> for the cases). The test method takes one <see cref="FlagMatrixCase"/>;
/// each case shows in the test explorer and in <c>dotnet test</c> output by its name, such as
/// <c>Checkout_Works(flags: Production + NewCheckout on)</c>.
/// </summary>
/// <example>
/// <code>
/// [Theory]
/// [FlagMatrix(typeof(Flags), "Production", Flags.NewCheckout)]
/// public void Total_NeverNegative(FlagMatrixCase flags)
/// {
///     var total = Pricing.Total(cart, newCheckout: flags.Snapshot.IsEnabled(Flags.NewCheckout));
///     total.ShouldBeGreaterThanOrEqualTo(0m);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class FlagMatrixAttribute : DataAttribute
{
    private readonly string[] _plannedFlags;

    /// <summary>Declares the matrix for a catalog, an environment and the flags planned to turn on.</summary>
    /// <param name="catalogType">A class marked with <see cref="FlagCatalogAttribute"/>, such as <c>typeof(Flags)</c>.</param>
    /// <param name="environmentName">The environment whose appsettings files are in the test output, such as <c>Production</c>.</param>
    /// <param name="plannedFlags">The flags about to be turned on in that environment.</param>
    public FlagMatrixAttribute(Type catalogType, string environmentName, [FlagName] params string[] plannedFlags)
    {
        CatalogType = catalogType;
        EnvironmentName = environmentName;
        _plannedFlags = plannedFlags ?? [];
    }

    /// <summary>Gets the catalog class.</summary>
    public Type CatalogType { get; }

    /// <summary>Gets the environment whose settings are read.</summary>
    public string EnvironmentName { get; }

    /// <summary>Gets the flags planned to turn on.</summary>
    public IReadOnlyList<string> PlannedFlags => _plannedFlags;

    /// <summary>Gets or sets the folder holding the appsettings files; the test output directory when not set.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>
    /// Gets or sets the configuration section the application reads its flags from, when it is not
    /// <c>FeatureFlags</c> (<see cref="FeatureFlagsOptions.SectionName"/>).
    /// </summary>
    public string? SectionName { get; set; }

#if XUNIT_V3
    /// <inheritdoc />
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new(Cases().Select(c => (ITheoryDataRow)new TheoryDataRow(c)).ToList());

    /// <summary>Returns <see langword="true"/>: the cases serialize, so each is listed as its own test at discovery.</summary>
    /// <returns><see langword="true"/>.</returns>
    public override bool SupportsDiscoveryEnumeration() => true;
#else
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Cases().Select(c => new object[] { c });
#endif

    private IEnumerable<XunitFlagMatrixCase> Cases()
    {
        var source = new XunitFlagMatrixCase.Source(CatalogType, EnvironmentName, ContentRoot, SectionName, _plannedFlags);
        return source.Cases().Select(c => new XunitFlagMatrixCase(c, source));
    }
}
