using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FeatureFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// A verifier run of one analyzer. "Today" is pinned to <see cref="Today"/> through a global
/// analyzerconfig, exactly as the FeatureFlagsToday MSBuild property reaches the compiler.
/// </summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Today = "2027-01-15";

    public const string Usings = "using FeatureFlags;\n";

    public AnalyzerTest(string? today = Today, string? warningDays = null, string? sectionName = null)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        var config = "is_global = true\n";
        if (today != null)
        {
            config += "build_property.FeatureFlagsToday = " + today + "\n";
        }

        if (warningDays != null)
        {
            config += "build_property.FeatureFlagsExpiryWarningDays = " + warningDays + "\n";
        }

        if (sectionName != null)
        {
            config += "build_property.FeatureFlagsSectionName = " + sectionName + "\n";
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
    }

    /// <summary>Runs the analyzer over the sources; expected diagnostics come from markup and <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync([source], expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public AnalyzerTest<TAnalyzer> WithSources(params string[] sources)
    {
        foreach (var source in sources)
        {
            TestState.Sources.Add(source);
        }

        return this;
    }

    public AnalyzerTest<TAnalyzer> WithReference(MetadataReference reference)
    {
        TestState.AdditionalReferences.Add(reference);
        return this;
    }

    public AnalyzerTest<TAnalyzer> WithAdditionalFile(string path, string content)
    {
        TestState.AdditionalFiles.Add((path, content));
        return this;
    }

    public AnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }
}
