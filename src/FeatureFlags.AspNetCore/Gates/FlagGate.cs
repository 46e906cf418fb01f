using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeatureFlags.AspNetCore.Gates;

/// <summary>A gate added by the <c>RequireFlag</c> convention, which may carry its own closed result.</summary>
internal sealed class FlagGateMetadata(string flag, int statusCode, Func<HttpContext, IResult>? closedResult) : IFlagGateMetadata
{
    public string Flag { get; } = flag;

    public int StatusCode { get; } = statusCode;

    public Func<HttpContext, IResult>? ClosedResult { get; } = closedResult;

    public override string ToString() => $"RequireFlag({Flag})";
}

/// <summary>Decides gates against the request's one snapshot; shared by the endpoint filter and the MVC filter.</summary>
internal static partial class FlagGate
{
    /// <summary>Gets the result of the first closed gate, or <see langword="null"/> when all are open.</summary>
    public static IResult? Check(HttpContext httpContext, IReadOnlyList<IFlagGateMetadata> gates)
    {
        if (gates.Count == 0)
        {
            return null;
        }

        // The request's scoped snapshot: the page, the tag helpers and the gate all see the same values.
        var snapshot = httpContext.RequestServices.GetRequiredService<IFlagSnapshot>();
        foreach (var gate in gates)
        {
            if (!snapshot.IsEnabled(gate.Flag))
            {
                return Closed(httpContext, gate);
            }
        }

        return null;
    }

    public static IResult? Check(HttpContext httpContext, IFlagGateMetadata gate) =>
        httpContext.RequestServices.GetRequiredService<IFlagSnapshot>().IsEnabled(gate.Flag) ? null : Closed(httpContext, gate);

    private static IResult Closed(HttpContext httpContext, IFlagGateMetadata gate)
    {
        var services = httpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<FeatureFlagsAspNetCoreOptions>>().Value;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(FlagGate).FullName!);
        if (logger is not null)
        {
            LogGateClosed(logger, gate.Flag, httpContext.Request.Path);
        }

        if (gate is FlagGateMetadata { ClosedResult: { } own })
        {
            return own(httpContext);
        }

        if (gate.StatusCode != 0)
        {
            return Results.StatusCode(gate.StatusCode);
        }

        return options.GateClosedResult?.Invoke(httpContext, gate.Flag) ?? Results.StatusCode(options.GateClosedStatusCode);
    }

    [LoggerMessage(EventId = 2001, EventName = "FlagGateClosed", Level = LogLevel.Debug, Message = "Flag {Flag} is off: gate closed for {Path}")]
    private static partial void LogGateClosed(ILogger logger, string flag, PathString path);
}
