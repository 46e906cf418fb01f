namespace FeatureFlags.Tables;

/// <summary>
/// Whether the flags in force are what configuration says now. Immutable: the provider swaps a new one in.
/// </summary>
/// <param name="FlagCount">How many flags the table in force has.</param>
/// <param name="LoadedAt">When the table in force was taken.</param>
/// <param name="RejectedSince">
/// Since when configuration has held something the runtime will not take (invalid, unreadable, or a file that failed
/// to load), so that the flags in force are older than it; <see langword="null"/> when the flags are current.
/// </param>
/// <param name="Problems">What is wrong, each with its configuration path; empty when the flags are current.</param>
internal sealed record FlagTableStatus(int FlagCount, DateTimeOffset LoadedAt, DateTimeOffset? RejectedSince, IReadOnlyList<string> Problems)
{
    public static FlagTableStatus Loaded(FlagTable table, DateTimeOffset at) => new(table.All.Count, at, null, []);

    /// <summary>The same flags, now with a configuration waiting that was refused; the first refusal dates it.</summary>
    public FlagTableStatus Rejected(DateTimeOffset at, IReadOnlyList<string> problems) =>
        this with { RejectedSince = RejectedSince ?? at, Problems = problems };

    /// <summary>Adds the files that failed to load, which keep the runtime from reloading at all while they do.</summary>
    public FlagTableStatus WithUnloadedFiles(IReadOnlyList<(string File, DateTimeOffset Since)> files)
    {
        if (files.Count == 0)
        {
            return this;
        }

        var since = files.Min(f => f.Since);
        return this with
        {
            RejectedSince = RejectedSince is { } rejected && rejected < since ? rejected : since,
            Problems = [.. Problems, .. files.Select(f => $"{f.File}: the file failed to load; its flags stay as last loaded until it loads again")],
        };
    }
}
