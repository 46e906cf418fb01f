using FeatureFlags.Diagnostics;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>The observed read: evaluates a flag with its reason and variant, and hands the result to the telemetry.</summary>
internal static class EvaluationRecorder
{
    /// <summary>Reads <paramref name="flag"/> for <paramref name="context"/> at <paramref name="now"/> and records the evaluation.</summary>
    public static bool Read(FlagTelemetry telemetry, CompiledFlag flag, EvaluationContext context, long now)
    {
        var enabled = flag.Evaluate(context, now, out var reason, out var decider);
        var variants = flag.Variants;

        // The flag's own rule for which variant is served (weights, or an allocation, which serves one while off too).
        var variant = flag.VariantIndex(context, now) is >= 0 and var index ? variants.Names[index] : null;

        // A variant picked by weight out of several is a split, whatever made the flag on for everybody.
        var conventionReason = reason == EvaluationReason.Static && variant is not null && variants.Names.Length > 1
            ? "split"
            : FlagConventions.ConventionReason(reason);
        telemetry.Record(flag.Name, enabled, variant, conventionReason, reason, CompiledFlag.DecidingRule(decider), context);
        return enabled;
    }

    /// <summary>Records a read of a flag the table does not know, then reports it (which throws in strict mode).</summary>
    public static void ReadUnknown(FlagTelemetry telemetry, FlagTable table, string? name, EvaluationContext context)
    {
        var shown = name is null || name.Length <= UnknownFlagReporter.MaxRememberedLength ? name : name[..UnknownFlagReporter.MaxRememberedLength];
        telemetry.RecordUnknown(shown, context);
        table.ReportUnknown(name);
    }
}
