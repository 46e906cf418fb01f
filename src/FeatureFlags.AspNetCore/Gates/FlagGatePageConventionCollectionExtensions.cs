using FeatureFlags;
using FeatureFlags.AspNetCore;

using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Gates Razor Pages by path in <c>AddRazorPages(options =&gt; options.Conventions...)</c>, without touching the page models.</summary>
public static class FlagGatePageConventionCollectionExtensions
{
    /// <summary>Gates one page, like <see cref="RequireFlagAttribute"/> on its model.</summary>
    /// <param name="conventions">The Razor Pages conventions.</param>
    /// <param name="pageName">The page's path without extension, such as <c>/Reports</c>.</param>
    /// <param name="flag">The flag that must be on.</param>
    /// <returns>The conventions.</returns>
    public static PageConventionCollection RequireFlagForPage(this PageConventionCollection conventions, string pageName, [FlagName] string flag)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        var gate = new RequireFlagAttribute(flag);
        conventions.AddPageApplicationModelConvention(pageName, model => model.EndpointMetadata.Add(gate));
        return conventions;
    }

    /// <summary>Gates every page under a folder.</summary>
    /// <param name="conventions">The Razor Pages conventions.</param>
    /// <param name="folderPath">The folder, such as <c>/Admin</c>.</param>
    /// <param name="flag">The flag that must be on.</param>
    /// <returns>The conventions.</returns>
    public static PageConventionCollection RequireFlagForFolder(this PageConventionCollection conventions, string folderPath, [FlagName] string flag)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        var gate = new RequireFlagAttribute(flag);
        conventions.AddFolderApplicationModelConvention(folderPath, model => model.EndpointMetadata.Add(gate));
        return conventions;
    }
}
