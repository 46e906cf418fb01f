using System.Reflection;
using FeatureFlags.Validation;

namespace FeatureFlags.Tests.Validation;

/// <summary>
/// The analyzers, the generator and the code fixes decode <c>[Flag]</c> by the names in
/// <see cref="FlagDeclarationShape"/>; these tests hold those names to the runtime's public types.
/// </summary>
public sealed class FlagDeclarationShapeTests
{
    [Fact]
    public void MetadataNames_EachAttribute_IsTheRuntimeTypesFullName()
    {
        FlagDeclarationShape.FlagAttributeMetadataName.ShouldBe(typeof(FlagAttribute).FullName);
        FlagDeclarationShape.CatalogAttributeMetadataName.ShouldBe(typeof(FlagCatalogAttribute).FullName);
        FlagDeclarationShape.FlagNameAttributeMetadataName.ShouldBe(typeof(FlagNameAttribute).FullName);
    }

    [Fact]
    public void NamedArguments_FlagAttribute_EverySettablePropertyNamedOnce()
    {
        string[] named =
        [
            FlagDeclarationShape.Expires,
            FlagDeclarationShape.Owner,
            FlagDeclarationShape.Description,
            FlagDeclarationShape.RemovalIssue,
            FlagDeclarationShape.Default,
            FlagDeclarationShape.VariantType,
        ];

        var settable = typeof(FlagAttribute).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);

        named.ShouldBe(settable, ignoreOrder: true);
    }

    [Fact]
    public void KindNames_FlagKind_NamesInValueOrder()
    {
        var kinds = Enum.GetValues<FlagKind>().OrderBy(k => (int)k).ToArray();

        FlagDeclarationShape.KindNames.ShouldBe(kinds.Select(k => k.ToString()));
        kinds.Select(k => (int)k).ShouldBe(Enumerable.Range(0, kinds.Length));
    }

    [Theory]
    [InlineData(FlagKind.Release, true, false)]
    [InlineData(FlagKind.Experiment, true, true)]
    [InlineData(FlagKind.Ops, false, false)]
    [InlineData(FlagKind.Permission, false, false)]
    public void KindRules_EachKind_TemporaryAndExperimentAsDocumented(FlagKind kind, bool temporary, bool experiment)
    {
        FlagDeclarationShape.IsTemporary((int)kind).ShouldBe(temporary);
        FlagDeclarationShape.IsExperiment((int)kind).ShouldBe(experiment);
        FlagDeclarationShape.KindName(99).ShouldBeNull();
    }

    [Fact]
    public void DefaultSectionName_Options_DefaultsToIt()
    {
        new FeatureFlagsOptions().SectionName.ShouldBe(FlagRules.DefaultSectionName);
    }
}
