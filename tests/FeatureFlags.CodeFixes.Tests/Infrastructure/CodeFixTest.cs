using FeatureFlags.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FeatureFlags.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A verifier run of one analyzer and its code fix, set up as the analyzer tests are: offline references
/// and "today" pinned through a global analyzerconfig, as the FeatureFlagsToday MSBuild property reaches
/// the compiler and the IDE. The verifier also checks fix-all (document, project, solution) whenever
/// there is more than one diagnostic.
/// </summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public const string Today = "2027-01-15";

    public const string Usings = "using FeatureFlags;\n";

    public CodeFixTest(string? today = Today)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        var config = "is_global = true\n";
        if (today != null)
        {
            config += "build_property.FeatureFlagsToday = " + today + "\n";
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
    }

    /// <summary>Fixes every diagnostic in <paramref name="source"/> (markup) and compares with <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource, string? today = Today) =>
        VerifyAsync([source], [fixedSource], today);

    public static Task VerifyAsync(string[] sources, string[] fixedSources, string? today = Today)
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix>(today);
        return test.WithSources(sources).WithFixedSources(fixedSources).RunAsync();
    }

    public CodeFixTest<TAnalyzer, TCodeFix> WithSources(params string[] sources)
    {
        foreach (var source in sources)
        {
            TestState.Sources.Add(source);
        }

        return this;
    }

    public CodeFixTest<TAnalyzer, TCodeFix> WithFixedSources(params string[] sources)
    {
        foreach (var source in sources)
        {
            FixedState.Sources.Add(source);
        }

        return this;
    }
}
