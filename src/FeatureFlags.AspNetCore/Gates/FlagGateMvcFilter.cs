using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace FeatureFlags.AspNetCore.Gates;

/// <summary>
/// Enforces gates for controllers and Razor Pages, where endpoint filters do not run: whatever put the
/// gate there (<see cref="RequireFlagAttribute"/>, or <c>RequireFlag</c> on <c>MapControllers()</c> /
/// <c>MapRazorPages()</c>). A resource filter, so a closed gate answers before model binding.
/// </summary>
internal sealed class FlagGateMvcFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var closed = FlagGate.Check(context.HttpContext, Gates(context));
        if (closed is not null)
        {
            context.Result = new ResultActionResult(closed);
            return;
        }

        await next().ConfigureAwait(false);
    }

    private static IReadOnlyList<IFlagGateMetadata> Gates(ResourceExecutingContext context)
    {
        // Attributes on controllers, actions and page models, and conventions on the endpoint or the
        // page model, all end up in the endpoint's metadata. Without endpoint routing, only the action
        // descriptor carries them.
        var endpoint = context.HttpContext.GetEndpoint();
        return endpoint is not null
            ? endpoint.Metadata.GetOrderedMetadata<IFlagGateMetadata>()
            : context.ActionDescriptor.EndpointMetadata.OfType<IFlagGateMetadata>().ToList();
    }
}

/// <summary>Runs an <see cref="IResult"/> as an MVC result, so one closed-gate result serves every kind of endpoint.</summary>
internal sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

/// <summary>Adds <see cref="FlagGateMvcFilter"/> once, whether or not the application uses MVC.</summary>
internal sealed class FlagGateMvcOptionsSetup : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options) => options.Filters.Add(new FlagGateMvcFilter());
}
