using Microsoft.CodeAnalysis;

namespace FeatureFlags.Generators.Model;

/// <summary>A diagnostic to report, kept as plain values until the output stage (see <see cref="LocationInfo"/>).</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, string Argument0, string Argument1)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location?.ToLocation(), Argument0, Argument1);
}
