using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dnsbl.Samples.HealthDashboard;

/// <summary>Writes the <c>/health</c> answer as JSON: overall status, description, and each list's state and reason.</summary>
internal static class HealthCheckJson
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("status", report.Status.ToString());
            writer.WriteStartArray("checks");
            foreach (var (name, entry) in report.Entries)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("status", entry.Status.ToString());
                writer.WriteString("description", entry.Description);
                writer.WriteStartObject("lists");
                foreach (var (list, state) in entry.Data)
                {
                    writer.WriteString(list, state?.ToString());
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
