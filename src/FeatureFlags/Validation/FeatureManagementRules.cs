// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// Reads a flag of Microsoft.FeatureManagement's .NET schema (section <c>FeatureManagement</c>) into this library's
/// <see cref="FlagSpec"/>, so that it is validated, explained, reloaded and read like any other flag, and answers as
/// Microsoft.FeatureManagement 4.7 answers. What the model cannot express (a custom filter, an unknown parameter, filters
/// combined with <c>Any</c>) is a problem with its path, never a silently different answer.
/// </summary>
/// <remarks>
/// <c>true</c>, <c>false</c>; <c>EnabledFor</c> with <c>AlwaysOn</c>, <c>Microsoft.Percentage</c>,
/// <c>Microsoft.TimeWindow</c> and <c>Microsoft.Targeting</c> (or their short names); <c>RequirementType</c> <c>Any</c>
/// or <c>All</c>. Names of properties and filters ignore case, as that library's binder does.
/// </remarks>
internal static class FeatureManagementRules
{
    public const string SectionName = "FeatureManagement";
    public const string EnabledForProperty = "EnabledFor";
    public const string RequirementTypeProperty = "RequirementType";

    /// <summary>
    /// The property of this library's own flag object that holds a Microsoft.FeatureManagement audience (its targeting
    /// filter's <c>Audience</c>), evaluated as that library does: what <c>featureflags migrate</c> writes for a targeting flag.
    /// </summary>
    public const string TargetingProperty = "FeatureManagementTargeting";

    private const string NameProperty = "Name";
    private const string ParametersProperty = "Parameters";
    private const string MicrosoftPrefix = "Microsoft.";
    private const string KnownFilters = "AlwaysOn, Microsoft.Percentage, Microsoft.TimeWindow or Microsoft.Targeting";

    /// <summary>Reads the flag at <paramref name="path"/>; null, with problems added, when it cannot be read as it is meant.</summary>
    public static FlagSpec? Parse(string path, string flag, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren || ValueOverridesFilters(node))
        {
            return Scalar(path, node, problems);
        }

        if (!string.IsNullOrEmpty(node.Value) && !FlagRules.TryParseBoolean(path, node, problems, out _))
        {
            // Beside filters from another file, only true or false is meant; that library would read anything else as false.
            return null;
        }

        var before = problems.Count;
        FlagNode? enabledFor = null;
        var requireAll = false;
        foreach (var property in node.Children)
        {
            var propertyPath = path + ":" + property.Key;
            if (Is(property.Key, EnabledForProperty))
            {
                enabledFor = property.Value;
            }
            else if (Is(property.Key, RequirementTypeProperty))
            {
                requireAll = ParseRequirementType(propertyPath, property.Value, problems);
            }
            else
            {
                problems.Add(new FlagProblem(propertyPath, $"is not a property of a Microsoft.FeatureManagement flag (use {EnabledForProperty} and {RequirementTypeProperty})", property.Value.Origin));
            }
        }

        if (enabledFor is null)
        {
            // No filters: off, as that library reads it.
            return problems.Count == before ? FlagSpec.Off : null;
        }

        var enabledForPath = path + ":" + EnabledForProperty;
        if (!enabledFor.HasChildren || ValueOverridesFilters(enabledFor))
        {
            return Scalar(enabledForPath, enabledFor, problems);
        }

        return problems.Count == before ? FromFilters(enabledForPath, flag, requireAll, enabledFor, problems) : null;
    }

    /// <summary>
    /// A flag that is on when its filters say so: the list at <paramref name="path"/> (<c>EnabledFor</c>, or
    /// <c>conditions:client_filters</c> in the Microsoft Feature Management schema), required all or any.
    /// </summary>
    public static FlagSpec? FromFilters(string path, string flag, bool requireAll, FlagNode list, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;
        var filters = new Filters();
        foreach (var item in list.Children)
        {
            if (!FlagRules.IsListIndex(item.Key))
            {
                problems.Add(new FlagProblem(path, "must be a list of filters, such as [{ \"Name\": \"Microsoft.Targeting\", \"Parameters\": { … } }]", list.Origin));
                return null;
            }

            ParseFilter(path + ":" + item.Key, flag, item.Value, filters, problems);
        }

        return problems.Count == before ? Combine(path, requireAll, filters, list.Origin, problems) : null;
    }

    /// <summary>
    /// Whether a node that has both a value and properties, which only layered sources make (<c>"Beta": true</c> in one
    /// file, <c>"Beta": { "EnabledFor": … }</c> in another, in either order), reads as its value: that library reads
    /// <c>true</c> as always on whatever else the merged section holds, and any other value as leaving the filters to decide.
    /// </summary>
    private static bool ValueOverridesFilters(FlagNode node) => node.Value is { } value && bool.TryParse(value, out var on) && on;

    /// <summary>Reads <c>Any</c> or <c>All</c> (ignoring case); anything else is a problem, and reads as <c>Any</c>.</summary>
    public static bool ParseRequirementType(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        var text = node.Value?.Trim();
        if (Is(text, "All"))
        {
            return true;
        }

        if (!Is(text, "Any"))
        {
            problems.Add(new FlagProblem(path, FlagRules.Quote(node.Value ?? string.Empty) + " is not a requirement type (use Any or All)", node.Origin));
        }

        return false;
    }

    private static FlagSpec? Scalar(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        // An empty value is how configuration stores "" and []: no filter, so off.
        if (string.IsNullOrEmpty(node.Value))
        {
            return FlagSpec.Off;
        }

        bool value;
        if (!FlagRules.TryParseBoolean(path, node, problems, out value))
        {
            return null;
        }

        return value ? FlagSpec.On : FlagSpec.Off;
    }

    private static void ParseFilter(string path, string flag, FlagNode node, Filters filters, ICollection<FlagProblem> problems)
    {
        string? name = null;
        FlagNode? parameters = null;
        foreach (var property in node.Children)
        {
            if (Is(property.Key, NameProperty))
            {
                name = property.Value.Value;
            }
            else if (Is(property.Key, ParametersProperty))
            {
                parameters = property.Value;
            }
            else
            {
                problems.Add(new FlagProblem(path + ":" + property.Key, $"is not a property of a filter (use {NameProperty} and {ParametersProperty})", property.Value.Origin));
            }
        }

        var parametersPath = path + ":" + ParametersProperty;
        var shortName = name is not null && name.StartsWith(MicrosoftPrefix, StringComparison.OrdinalIgnoreCase) ? name.Substring(MicrosoftPrefix.Length) : name;
        if (Is(shortName, "AlwaysOn"))
        {
            filters.AlwaysOn++;
        }
        else if (Is(shortName, "Percentage"))
        {
            filters.Add("Percentage", PercentageFilter(parametersPath, flag, parameters, node.Origin, problems));
        }
        else if (Is(shortName, "TimeWindow"))
        {
            filters.AddSchedule(FeatureManagementTimeWindow.Parse(parametersPath, parameters, node.Origin, problems));
        }
        else if (Is(shortName, "Targeting"))
        {
            filters.Add("Targeting", TargetingFilter(parametersPath, flag, parameters, node.Origin, problems));
        }
        else
        {
            problems.Add(new FlagProblem(
                path + ":" + NameProperty,
                (name is null ? "is missing" : FlagRules.Quote(name) + " is not a filter this library can evaluate") +
                $" (use {KnownFilters}; a custom filter has no equivalent here, so the flag would answer differently)",
                node.Origin));
        }
    }

    /// <summary>
    /// The percentage filter, made sticky: Microsoft.FeatureManagement draws a random number at every read, so no
    /// library can give the same answers; this one buckets the user as that library's targeting filter buckets its
    /// default rollout, so the share is the same and each user keeps an answer.
    /// </summary>
    private static FeatureManagementTargetingSpec? PercentageFilter(string path, string flag, FlagNode? parameters, FlagOrigin? origin, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;

        // Without a Value, that library's settings bind to 0: nobody.
        double value = 0;
        foreach (var property in Children(parameters))
        {
            if (Is(property.Key, "Value"))
            {
                value = Percentage(path + ":" + property.Key, property.Value, problems);
            }
            else
            {
                problems.Add(new FlagProblem(path + ":" + property.Key, "is not a parameter of Microsoft.Percentage (use Value)", property.Value.Origin));
            }
        }

        return problems.Count > before ? null : new FeatureManagementTargetingSpec(flag, new string[0], new GroupRolloutSpec[0], value, new string[0], new string[0], origin);
    }

    private static FeatureManagementTargetingSpec? TargetingFilter(string path, string flag, FlagNode? parameters, FlagOrigin? origin, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;
        FlagNode? audience = null;
        foreach (var property in Children(parameters))
        {
            if (Is(property.Key, "Audience"))
            {
                audience = property.Value;
            }
            else
            {
                problems.Add(new FlagProblem(path + ":" + property.Key, "is not a parameter of Microsoft.Targeting (use Audience)", property.Value.Origin));
            }
        }

        var audiencePath = path + ":Audience";
        if (audience is null)
        {
            problems.Add(new FlagProblem(audiencePath, "is missing: Microsoft.Targeting needs an audience", origin));
            return null;
        }

        return problems.Count == before ? ParseAudience(audiencePath, flag, audience, problems) : null;
    }

    /// <summary>
    /// Reads a Microsoft.FeatureManagement audience (<c>Users</c>, <c>Groups</c> with <c>RolloutPercentage</c>,
    /// <c>DefaultRolloutPercentage</c>, <c>Exclusion</c>) at <paramref name="path"/>, for the flag <paramref name="flag"/>.
    /// </summary>
    public static FeatureManagementTargetingSpec? ParseAudience(string path, string flag, FlagNode audience, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;
        var users = new string[0];
        var groups = new List<GroupRolloutSpec>();
        double defaultRollout = 0;
        var excludedUsers = new string[0];
        var excludedGroups = new string[0];
        foreach (var property in audience.Children)
        {
            var propertyPath = path + ":" + property.Key;
            if (Is(property.Key, "Users"))
            {
                users = FlagRules.ParseStringList(propertyPath, property.Value, problems);
            }
            else if (Is(property.Key, "Groups"))
            {
                groups.AddRange(GroupRollouts(propertyPath, property.Value, problems));
            }
            else if (Is(property.Key, "DefaultRolloutPercentage"))
            {
                defaultRollout = Percentage(propertyPath, property.Value, problems);
            }
            else if (Is(property.Key, "Exclusion"))
            {
                foreach (var excluded in property.Value.Children)
                {
                    var excludedPath = propertyPath + ":" + excluded.Key;
                    if (Is(excluded.Key, "Users"))
                    {
                        excludedUsers = FlagRules.ParseStringList(excludedPath, excluded.Value, problems);
                    }
                    else if (Is(excluded.Key, "Groups"))
                    {
                        excludedGroups = FlagRules.ParseStringList(excludedPath, excluded.Value, problems);
                    }
                    else
                    {
                        problems.Add(new FlagProblem(excludedPath, "is not a property of an exclusion (use Users and Groups)", excluded.Value.Origin));
                    }
                }
            }
            else
            {
                problems.Add(new FlagProblem(propertyPath, "is not a property of an audience (use Users, Groups, DefaultRolloutPercentage and Exclusion)", property.Value.Origin));
            }
        }

        return problems.Count == before
            ? new FeatureManagementTargetingSpec(flag, users, groups.ToArray(), defaultRollout, excludedUsers, excludedGroups, audience.Origin)
            : null;
    }

    private static IEnumerable<GroupRolloutSpec> GroupRollouts(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        foreach (var item in node.Children)
        {
            var itemPath = path + ":" + item.Key;
            string? name = null;
            double rollout = 0;
            foreach (var property in item.Value.Children)
            {
                var propertyPath = itemPath + ":" + property.Key;
                if (Is(property.Key, NameProperty))
                {
                    name = property.Value.Value;
                }
                else if (Is(property.Key, "RolloutPercentage"))
                {
                    rollout = Percentage(propertyPath, property.Value, problems);
                }
                else
                {
                    problems.Add(new FlagProblem(propertyPath, "is not a property of a group (use Name and RolloutPercentage)", property.Value.Origin));
                }
            }

            if (string.IsNullOrEmpty(name))
            {
                problems.Add(new FlagProblem(itemPath + ":" + NameProperty, "is missing: a group needs a name", item.Value.Origin));
                continue;
            }

            yield return new GroupRolloutSpec(name!, rollout);
        }
    }

    /// <summary>Which filters combine how: at most one schedule and one audience, and with <c>Any</c> only one filter.</summary>
    private static FlagSpec? Combine(string path, bool requireAll, Filters filters, FlagOrigin? origin, ICollection<FlagProblem> problems)
    {
        var conditions = filters.Kinds.Count;
        if (!requireAll)
        {
            if (filters.AlwaysOn > 0)
            {
                return FlagSpec.On;
            }

            if (conditions > 1)
            {
                problems.Add(new FlagProblem(path, $"combines {string.Join(" and ", filters.Kinds)} with RequirementType Any: one of several conditions cannot be expressed here (use All, or split the flag)", origin));
                return null;
            }
        }
        else if (filters.Kinds.Count(k => k != "TimeWindow") > 1 || filters.Kinds.Count(k => k == "TimeWindow") > 1)
        {
            problems.Add(new FlagProblem(path, $"combines {string.Join(", ", filters.Kinds)}: at most one time window and one audience (Targeting or Percentage) can be required together here", origin));
            return null;
        }

        if (conditions == 0)
        {
            // Only AlwaysOn with All: on. No filter at all: off.
            return filters.AlwaysOn > 0 ? FlagSpec.On : FlagSpec.Off;
        }

        var origins = new FlagSpecOrigins(origin, null, null, null, null, filters.Schedule?.Origin);
        return new FlagSpec(false, true, null, null, null, new FlagVariantWeight[0], origins, schedule: filters.Schedule, featureManagementTargeting: filters.Audience);
    }

    private static IEnumerable<KeyValuePair<string, FlagNode>> Children(FlagNode? node) =>
        node?.Children ?? new KeyValuePair<string, FlagNode>[0];

    internal static bool Is(string? text, string name) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A percentage from 0 to 100 at <paramref name="path"/>; 0, with a problem added, when it is not one.</summary>
    internal static double Percentage(string path, FlagNode node, ICollection<FlagProblem> problems) =>
        FlagRules.RequireScalar(path, node, "a number from 0 to 100", problems) ? FlagRules.ParsePercentage(path, node, problems) ?? 0 : 0;

    /// <summary>The filters of one flag, as they are read.</summary>
    private sealed class Filters
    {
        public int AlwaysOn { get; set; }

        public List<string> Kinds { get; } = new List<string>();

        public ScheduleSpec? Schedule { get; private set; }

        public FeatureManagementTargetingSpec? Audience { get; private set; }

        public void AddSchedule(ScheduleSpec? schedule)
        {
            Kinds.Add("TimeWindow");
            Schedule ??= schedule;
        }

        public void Add(string kind, FeatureManagementTargetingSpec? audience)
        {
            Kinds.Add(kind);
            Audience ??= audience;
        }
    }
}
