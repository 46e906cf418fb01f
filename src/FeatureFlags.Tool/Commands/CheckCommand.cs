using FeatureFlags.Tool.Inventory;

namespace FeatureFlags.Tool.Commands;

/// <summary>
/// <c>featureflags check</c>: the analyzers' verdict for CI pipelines that do not build: exit code 1 when a flag has
/// expired (FF0001) or the settings name a flag no catalog declares (FF0006), with the analyzers' words.
/// </summary>
internal static class CheckCommand
{
    public static int Run(InventoryReport report, TextWriter output)
    {
        var errors = 0;
        foreach (var flag in report.Flags.Where(f => f.DaysLeft < 0))
        {
            errors++;
            var owner = flag.Owner is null && flag.RemovalIssue is null ? string.Empty
                : " (" + string.Join("; ", new[] { flag.Owner is null ? null : "owner: " + flag.Owner, flag.RemovalIssue is null ? null : "removal: " + flag.RemovalIssue }.OfType<string>()) + ")";
            output.WriteLine($"error FF0001: The flag '{flag.Name}'{owner} expired on {flag.Expires} (today is {report.Today:yyyy-MM-dd}): remove the flag and the code it guards, or move Expires if the removal is planned");
        }

        foreach (var flag in report.Undeclared)
        {
            errors++;
            output.WriteLine($"error FF0006: {string.Join(", ", flag.Files)}: FeatureFlags:{flag.Name}: no catalog declares the flag '{flag.Name}'");
        }

        foreach (var flag in report.Flags.Where(f => f.DaysLeft is >= 0 and <= FlagInventory.ExpiringWithinDays))
        {
            output.WriteLine($"warning FF0002: The flag '{flag.Name}' expires on {flag.Expires}, in {flag.DaysLeft} day(s)");
        }

        output.WriteLine(errors == 0 ? $"{report.Flags.Count} flag(s) checked: none expired, none undeclared." : $"{errors} error(s) in {report.Flags.Count} flag(s).");
        return errors == 0 ? 0 : 1;
    }
}
