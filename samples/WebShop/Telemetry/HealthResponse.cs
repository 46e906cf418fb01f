using System.Text.Encodings.Web;
using System.Text.Json;

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebShop.Telemetry;

/// <summary>Writes a health report as JSON: each check's status, description and data (the flags check says since when).</summary>
internal static class HealthResponse
{
    // Readable timestamps ("+00:00", not "\u002B00:00"): the body is JSON for people and probes, never HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, Json);
    }
}
