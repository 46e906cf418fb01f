using FeatureFlags.Generators.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Generators;

/// <summary>
/// Gives every <c>[FlagCatalog]</c> partial class a reflection-free <c>Catalog</c>, a <c>Keys</c> class of
/// pre-resolved <c>FlagKey</c>s and a <c>For(IFlagSnapshot)</c> method returning a <c>View</c> struct with
/// a <see cref="bool"/> property per flag (and a variant property per experiment).
/// </summary>
/// <remarks>
/// The pipeline carries only value-equal models (no symbols, syntax or locations), so an edit that does
/// not touch a catalog leaves its generated source cached.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class FlagCatalogGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the model step, for incremental-caching tests.</summary>
    internal const string ModelStep = "FlagCatalogModel";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var catalogs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FlagDeclarationShape.CatalogAttributeMetadataName,
                // A record class is a class too; the attribute's targets keep structs and record structs out.
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                CatalogParser.Parse)
            .WithTrackingName(ModelStep);

        context.RegisterSourceOutput(catalogs, static (output, model) => Produce(output, model));
    }

    private static void Produce(SourceProductionContext output, CatalogModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (model.CanGenerate)
        {
            output.AddSource(model.HintName, SourceText.From(CatalogEmitter.Emit(model), System.Text.Encoding.UTF8));
        }
    }
}
