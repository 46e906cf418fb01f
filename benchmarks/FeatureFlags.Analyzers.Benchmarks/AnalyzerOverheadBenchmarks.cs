using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FeatureFlags.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// Compiles the generated project (binding every method body and collecting the compiler's diagnostics)
/// without and with the FeatureFlags analyzers. Each invocation starts from a fresh compilation, as a
/// build does; the syntax trees are parsed once, since parsing is the same in both cases.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerOverheadBenchmarks
{
    internal static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        new ExpiredFlagAnalyzer(),
        new ExpiringFlagAnalyzer(),
        new MissingExpiresAnalyzer(),
        new InvalidExpiresAnalyzer(),
        new UnknownFlagNameAnalyzer(),
        new AppSettingsAnalyzer(),
        new DuplicateFlagNameAnalyzer(),
        new BuildPropertyAnalyzer(),
    ];

    // What every SDK build already pays for its built-in analyzers: the analyzer driver and the
    // operation trees of every method body. Measured so that the FeatureFlags share can be told apart.
    private static readonly ImmutableArray<DiagnosticAnalyzer> HostOnly = [new OperationHostAnalyzer()];

    // The price of the analyzer driver alone: one analyzer whose only action (at compilation end) does nothing.
    private static readonly ImmutableArray<DiagnosticAnalyzer> DriverOnly = [new DriverProbe.EmptyAnalyzer(DriverProbe.EmptyAnalyzer.Kind.Compilation)];

    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<MetadataReference> _references;
    private AnalyzerOptions _options = null!;

    /// <summary>
    /// The pinned build date: on 2026-12-01 nothing has expired (the usual build); on 2027-01-15 one flag
    /// has, and FF0001 reports it on its declaration and its ten uses.
    /// </summary>
    [Params("2026-12-01", GeneratedProject.Today)]
    public string Today { get; set; } = GeneratedProject.Today;

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _trees = [.. GeneratedProject.Sources().Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path))];
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        _references =
        [
            .. Directory.GetFiles(frameworkDirectory, "System*.dll").Where(p => !p.Contains("Native", StringComparison.Ordinal))
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(Path.Combine(frameworkDirectory, "netstandard.dll")),
            MetadataReference.CreateFromFile(typeof(FlagAttribute).Assembly.Location),
        ];
        _options = new AnalyzerOptions(
            [new InMemoryAdditionalText("/project/appsettings.json", GeneratedProject.AppSettings())],
            new GlobalOptionsProvider(new Dictionary<string, string> { ["build_property.FeatureFlagsToday"] = Today }));

        // Fail fast if the project does not compile or the analyzers find something unexpected.
        var errors = NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated project does not compile: " + errors[0]);
        }

        var found = WithAnalyzers();
        var expected = Today == GeneratedProject.Today ? 11 : 0;
        if (found.Count(d => d.Id == DiagnosticIds.ExpiredFlag) != expected || found.Any(d => d.Id != DiagnosticIds.ExpiredFlag))
        {
            throw new InvalidOperationException("Expected " + expected + " FF0001 and nothing else; got " + string.Join(", ", found.Select(d => d.Id)));
        }
    }

    [Benchmark(Baseline = true, Description = "compile, no analyzers")]
    public int WithoutAnalyzers() => NewCompilation().GetDiagnostics().Length;

    [Benchmark(Description = "compile + analyzer driver only (empty analyzer)")]
    public int WithAnalyzerDriver() => Run(DriverOnly).Length;

    [Benchmark(Description = "compile + analyzer host only (empty operation analyzer)")]
    public int WithAnalyzerHost() => Run(HostOnly).Length;

    [Benchmark(Description = "compile + FeatureFlags analyzers")]
    public int WithAnalyzersCount() => WithAnalyzers().Length;

    internal ImmutableArray<Diagnostic> WithAnalyzers() => Run(Analyzers);

    internal CompilationWithAnalyzers NewCompilationWithAnalyzers(bool logExecutionTime) =>
        NewCompilation().WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(_options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logExecutionTime));

    internal ImmutableArray<Diagnostic> Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        NewCompilation()
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(_options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    internal CSharpCompilation NewCompilationForProbe() => NewCompilation();

    // Single-threaded on purpose: on a shared two-core machine, the work done is what can be compared.
    private CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create(
            "Shop",
            _trees,
            _references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
}
