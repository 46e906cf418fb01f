// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// Reads one flag of the Microsoft Feature Management schema (<c>feature_management:feature_flags</c>, a list of flags
/// each with an <c>id</c>) into a <see cref="FlagSpec"/>: <c>enabled</c>, and <c>conditions</c> with
/// <c>requirement_type</c> and <c>client_filters</c>, whose filters are those of the .NET schema
/// (<see cref="FeatureManagementRules"/>). <c>telemetry</c> is that library's own switch and is accepted as it is.
/// </summary>
/// <remarks>
/// <c>variants</c> (<c>name</c>, <c>configuration_value</c>, <c>status_override</c>) and <c>allocation</c>
/// (<c>default_when_enabled</c>, <c>default_when_disabled</c>, <c>user</c>, <c>group</c>, <c>percentile</c>, <c>seed</c>)
/// become the flag's variants and a <see cref="FeatureManagementAllocationSpec"/>. An allocation naming a variant the
/// flag does not have is a problem: Microsoft.FeatureManagement would serve no variant, silently.
/// </remarks>
internal static class MicrosoftSchemaRules
{
    public const string SectionName = "feature_management:feature_flags";

    /// <summary>Reads the flag at <paramref name="path"/> (<c>feature_management:feature_flags:3</c>); its name is its <c>id</c>.</summary>
    /// <returns>The flag's name and spec; a null spec, with problems added, when it cannot be read as it is meant.</returns>
    public static KeyValuePair<string, FlagSpec?>? Parse(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren)
        {
            problems.Add(new FlagProblem(path, "must be a flag object with an id, such as { \"id\": \"Beta\", \"enabled\": true }", node.Origin));
            return null;
        }

        var before = problems.Count;
        string? id = null;
        var enabled = false;
        FlagNode? conditions = null;
        FlagNode? variants = null;
        FlagNode? allocation = null;
        foreach (var property in node.Children)
        {
            var propertyPath = path + ":" + property.Key;
            if (FeatureManagementRules.Is(property.Key, "id"))
            {
                id = property.Value.Value;
            }
            else if (FeatureManagementRules.Is(property.Key, "enabled"))
            {
                FlagRules.TryParseBoolean(propertyPath, property.Value, problems, out enabled);
            }
            else if (FeatureManagementRules.Is(property.Key, "conditions"))
            {
                conditions = property.Value;
            }
            else if (FeatureManagementRules.Is(property.Key, "variants"))
            {
                variants = property.Value;
            }
            else if (FeatureManagementRules.Is(property.Key, "allocation"))
            {
                allocation = property.Value;
            }
            else if (!FeatureManagementRules.Is(property.Key, "telemetry") && !FeatureManagementRules.Is(property.Key, "description") && !FeatureManagementRules.Is(property.Key, "display_name"))
            {
                problems.Add(new FlagProblem(propertyPath, "is not a property of a Microsoft Feature Management flag (use id, enabled, conditions, variants, allocation, telemetry)", property.Value.Origin));
            }
        }

        if (string.IsNullOrEmpty(id))
        {
            problems.Add(new FlagProblem(path + ":id", "is missing: a flag needs an id, its name", node.Origin));
            return null;
        }

        if (!FlagRules.IsValidFlagName(id!))
        {
            problems.Add(new FlagProblem(path + ":id", FlagRules.InvalidNameMessage(id!), node.Origin));
            return null;
        }

        var spec = problems.Count == before ? Conditions(path, id!, enabled, conditions, problems) : null;
        if (spec is not null && variants is not null)
        {
            spec = FeatureManagementVariants.WithVariants(path, id!, spec, variants, allocation, problems);
        }
        else if (spec is not null && allocation is not null)
        {
            problems.Add(new FlagProblem(path + ":allocation", "allocates variants, but the flag has none (add variants)", allocation.Origin));
            spec = null;
        }

        return new KeyValuePair<string, FlagSpec?>(id!, spec);
    }

    private static FlagSpec? Conditions(string path, string id, bool enabled, FlagNode? conditions, ICollection<FlagProblem> problems)
    {
        // Off is off, whatever the filters say.
        if (!enabled)
        {
            return FlagSpec.Off;
        }

        var before = problems.Count;
        var requireAll = false;
        FlagNode? filters = null;
        foreach (var property in conditions?.Children ?? new KeyValuePair<string, FlagNode>[0])
        {
            var propertyPath = path + ":conditions:" + property.Key;
            if (FeatureManagementRules.Is(property.Key, "requirement_type"))
            {
                requireAll = FeatureManagementRules.ParseRequirementType(propertyPath, property.Value, problems);
            }
            else if (FeatureManagementRules.Is(property.Key, "client_filters"))
            {
                filters = property.Value;
            }
            else
            {
                problems.Add(new FlagProblem(propertyPath, "is not a property of conditions (use requirement_type and client_filters)", property.Value.Origin));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        // Enabled without filters: on for everybody.
        return filters is null || !filters.HasChildren
            ? FlagSpec.On
            : FeatureManagementRules.FromFilters(path + ":conditions:client_filters", id, requireAll, filters, problems);
    }
}
