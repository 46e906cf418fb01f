using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    private static List<IFlagGateMetadata> Gates(ResourceExecutingContext context)
    {
        var gates = new List<IFlagGateMetadata>();
        var metadata = context.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<IFlagGateMetadata>();
        if (metadata is not null)
        {
            gates.AddRange(metadata);
        }
        else
        {
            // Without endpoint routing the attributes are only on the action descriptor.
            gates.AddRange(context.ActionDescriptor.EndpointMetadata.OfType<IFlagGateMetadata>());
        }

        // A page model's attributes are not always endpoint metadata; read them from the type itself.
        if (context.ActionDescriptor is CompiledPageActionDescriptor page)
        {
            foreach (var type in new[] { page.ModelTypeInfo, page.HandlerTypeInfo }.Distinct())
            {
                if (type is null)
                {
                    continue;
                }

                foreach (var attribute in type.GetCustomAttributes(typeof(RequireFlagAttribute), inherit: true).Cast<RequireFlagAttribute>())
                {
                    if (!gates.Contains(attribute))
                    {
                        gates.Add(attribute);
                    }
                }
            }
        }

        return gates;
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
