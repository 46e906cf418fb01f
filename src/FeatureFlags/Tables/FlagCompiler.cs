namespace FeatureFlags.Tables;

/// <summary>Compiles a table's flags, each after the flags it requires, so that a flag links to its prerequisites as it is built.</summary>
internal static class FlagCompiler
{
    /// <summary>Compiles <paramref name="flags"/>; the result is in the same order.</summary>
    /// <remarks>Validation has ruled out unknown prerequisites and cycles; a fixed (test) table may still lack one, which then reads as off.</remarks>
    public static CompiledFlag[] Compile(IReadOnlyList<FlagCompilation> flags)
    {
        var byName = new Dictionary<string, FlagCompilation>(flags.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var flag in flags)
        {
            byName[flag.Name] = flag;
        }

        var compiled = new Dictionary<string, CompiledFlag>(flags.Count, StringComparer.OrdinalIgnoreCase);
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new CompiledFlag[flags.Count];
        for (var i = 0; i < flags.Count; i++)
        {
            result[i] = Visit(flags[i]);
        }

        return result;

        CompiledFlag Visit(FlagCompilation flag)
        {
            if (compiled.TryGetValue(flag.Name, out var done))
            {
                return done;
            }

            visiting.Add(flag.Name);
            foreach (var requirement in flag.Spec?.Requires ?? [])
            {
                if (byName.TryGetValue(requirement.Flag, out var required) && !visiting.Contains(required.Name))
                {
                    Visit(required);
                }
            }

            visiting.Remove(flag.Name);
            var result = new CompiledFlag(flag, compiled);
            compiled[flag.Name] = result;
            return result;
        }
    }
}
