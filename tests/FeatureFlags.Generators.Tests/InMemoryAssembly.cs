using System.Reflection;
using System.Runtime.Loader;

using Microsoft.CodeAnalysis;

namespace FeatureFlags.Generators.Tests;

/// <summary>Emits a compilation to memory and loads it in a collectible context that shares FeatureFlags with the tests.</summary>
internal static class InMemoryAssembly
{
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        emit.Success.ShouldBeTrue(string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;

        // FeatureFlags.dll resolves from the default context, so FlagCatalog and IFlagSnapshot are the tests' own types.
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static T Invoke<T>(Assembly assembly, string typeName, string member, params object?[] arguments)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        try
        {
            return type.GetProperty(member) is { } property
                ? (T)property.GetValue(null)!
                : (T)type.GetMethod(member)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
