using System.CommandLine;
using System.Globalization;
using FeatureFlags.Tool;
using FeatureFlags.Tool.Commands;
using FeatureFlags.Tool.Inventory;
using FeatureFlags.Tool.Workspace;

return await FeatureFlagsTool.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

namespace FeatureFlags.Tool
{
    /// <summary>The commands and their options; output goes to <c>stdout</c>, progress and errors to <c>stderr</c>.</summary>
    internal static class FeatureFlagsTool
    {
        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter progress)
        {
            var path = new Argument<string>("path") { Description = "A solution, a project, or a folder holding one (default: the current folder).", DefaultValueFactory = _ => "." };
            var today = new Option<string?>("--today") { Description = "The date expiry is measured against, yyyy-MM-dd (default: today, UTC)." };
            var format = new Option<string>("--format") { Description = "table, markdown or json.", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "markdown", "json");

            var list = new Command("list", "Every declared flag: kind, owner, expiry, the value each environment serves, uses, and what needs doing.") { path, format, today };
            list.SetAction(async (result, cancellationToken) =>
            {
                var report = await ReportAsync(result.GetValue(path)!, result.GetValue(today), progress, cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(result.GetValue(format) switch
                {
                    "json" => InventoryWriter.Json(report),
                    "markdown" => InventoryWriter.Markdown(report),
                    _ => InventoryWriter.Table(report),
                }).ConfigureAwait(false);
                return 0;
            });

            var check = new Command("check", "Exit code 1 when a flag has expired or the settings name an undeclared flag (the analyzers' FF0001 and FF0006).") { path, today };
            check.SetAction(async (result, cancellationToken) =>
                CheckCommand.Run(await ReportAsync(result.GetValue(path)!, result.GetValue(today), progress, cancellationToken).ConfigureAwait(false), output));

            var flag = new Argument<string>("flag") { Description = "The flag's name." };
            var keep = new Option<string>("--keep") { Description = "on: its feature stays; off: its feature goes.", Required = true };
            keep.AcceptOnlyFromAmong("on", "off");
            var variant = new Option<string?>("--variant") { Description = "For an experiment kept on, the variant that stays." };
            var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change, and change nothing." };
            var remove = new Command("remove", "Remove a flag from a whole solution: code, Razor views and every appsettings*.json.") { flag, path, keep, variant, dryRun };
            remove.SetAction((result, cancellationToken) => RemoveCommand.RunAsync(
                result.GetValue(path)!, result.GetValue(flag)!, result.GetValue(keep) == "on", result.GetValue(variant), result.GetValue(dryRun), output, progress, cancellationToken));

            var value = new Argument<string>("value") { Description = "true, false, or a flag object such as {\"Rollout\":10}." };
            var environment = new Option<string>("--environment") { Description = "The environment whose appsettings file to write, such as Production.", Required = true };
            var folder = new Option<string>("--project") { Description = "The folder of the project's appsettings files (default: the current folder).", DefaultValueFactory = _ => "." };
            var set = new Command("set", "Write a validated value into appsettings.{Environment}.json.") { flag, value, environment, folder };
            set.SetAction((result, cancellationToken) => SetCommand.RunAsync(
                result.GetValue(folder)!, result.GetValue(flag)!, result.GetValue(value)!, result.GetValue(environment)!, output, cancellationToken));

            var migrate = new Command("migrate", "Move Microsoft.FeatureManagement's flags into the FeatureFlags section where they answer exactly as before, and list the rest.") { folder, dryRun };
            migrate.SetAction((result, cancellationToken) => MigrateCommand.RunAsync(result.GetValue(folder)!, result.GetValue(dryRun), output, progress, cancellationToken));

            var root = new RootCommand("featureflags: the flag inventory, a CI gate, one-step removal, validated writes and migration for FeatureFlags.") { list, check, remove, set, migrate };
            try
            {
                return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = progress, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
            }
            catch (ToolException e)
            {
                await progress.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 2;
            }
        }

        private static async Task<InventoryReport> ReportAsync(string path, string? today, TextWriter progress, CancellationToken cancellationToken)
        {
            var date = today is null ? DateOnly.FromDateTime(DateTime.UtcNow)
                : DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
                : throw new ToolException($"--today '{today}' is not a yyyy-MM-dd date.");
            var (workspace, solution) = await SolutionLoader.LoadAsync(path, progress, cancellationToken).ConfigureAwait(false);
            using (workspace)
            {
                return await FlagInventory.BuildAsync(solution, date, progress, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
