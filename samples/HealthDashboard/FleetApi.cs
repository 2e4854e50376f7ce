using System.Text.Json;
using System.Text.Json.Serialization;
using Dnsbl.Client.Redis;

namespace Dnsbl.Samples.HealthDashboard;

/// <summary>
/// <c>GET /api/fleet</c>: the fleet's shared health as Redis holds it (every node's last check-in, the leader, the
/// published states with their overrides). 404 when the dashboard runs without <c>--redis</c>, 503 when Redis does not answer.
/// </summary>
internal static class FleetApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static void Map(WebApplication app, DnsblRedisConnection? fleet) =>
        app.MapGet("/api/fleet", async (CancellationToken cancellationToken) =>
        {
            if (fleet is null)
            {
                return Results.NotFound(new { error = "No fleet: start the dashboard with --redis CONFIG." });
            }

            var view = await fleet.GetFleetViewAsync(cancellationToken).ConfigureAwait(false);
            return view is null
                ? Results.Json(new { error = "Redis did not answer." }, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Json(new { self = fleet.NodeId, view.ReadAt, view.Leader, view.LeaseExpiresAt, view.Nodes, view.Lists }, Json);
        });
}
