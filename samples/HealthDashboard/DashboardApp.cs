using Dnsbl.Client;
using Dnsbl.Client.Health;
using Dnsbl.Client.Redis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

namespace Dnsbl.Samples.HealthDashboard;

/// <summary>Builds the dashboard around a client: health endpoints, the event stream, list actions and the page.</summary>
public static class DashboardApp
{
    /// <summary>Builds (does not start) the web app; the caller owns <paramref name="client"/> and disposes it after the app.</summary>
    /// <param name="args">Command-line arguments (e.g. <c>--urls http://127.0.0.1:5080</c>).</param>
    /// <param name="client">The client whose lists are shown; its health loop runs while the app runs.</param>
    /// <param name="fleet">The fleet's Redis when the client shares health through it: <c>/api/fleet</c> and the page's fleet view show its nodes, leader and shared states.</param>
    /// <returns>The app, ready for <c>RunAsync</c> or <c>StartAsync</c>.</returns>
    public static WebApplication Build(string[] args, DnsblClient client, DnsblRedisConnection? fleet = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(client.Health);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HealthEvents>();
        builder.Services.AddHostedService<DnsblHealthProbeService>();
        builder.Services.AddHealthChecks().AddTypeActivatedCheck<DnsblHealthCheck>("dnsbl");

        var app = builder.Build();
        var page = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthCheckJson.WriteAsync });
        MapApi(app);
        FleetApi.Map(app, fleet);
        return app;
    }

    private static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api");
        // ?history=true adds each list's bounded history (rounds, changes, per-minute lookups) for the charts.
        api.MapGet("/health", (DnsblHealthMonitor monitor, bool? history) => Results.Text(monitor.GetReport(history ?? false).ToJson(), "application/json"));
        api.MapGet("/events", (HealthEvents events, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(events.StreamAsync(cancellationToken)));

        var lists = api.MapGroup("/lists/{name}");
        lists.MapPost("/probe", async (string name, DnsblHealthMonitor monitor, HealthEvents events, CancellationToken cancellationToken) =>
        {
            if (!IsMonitored(monitor, name))
            {
                return NotFound(name);
            }

            var health = await monitor.ProbeAsync(name, cancellationToken).ConfigureAwait(false);
            events.Publish(health);
            return Results.Text(SingleListJson(health), "application/json");
        });
        lists.MapPost("/enable", (string name, DnsblHealthMonitor monitor, HealthEvents events) =>
            Override(monitor, events, name, () => monitor.ForceEnable(name)));
        lists.MapPost("/disable", (string name, DnsblHealthMonitor monitor, HealthEvents events) =>
            Override(monitor, events, name, () => monitor.ForceDisable(name, "disabled from the dashboard")));
        lists.MapPost("/auto", (string name, DnsblHealthMonitor monitor, HealthEvents events) =>
            Override(monitor, events, name, () => monitor.ClearOverride(name)));
    }

    private static IResult Override(DnsblHealthMonitor monitor, HealthEvents events, string name, Action change)
    {
        if (!IsMonitored(monitor, name))
        {
            return NotFound(name);
        }

        change();
        var health = monitor.GetReport().Lists.First(l => l.Name == name);
        events.Publish(health);
        return Results.Text(SingleListJson(health), "application/json");
    }

    private static bool IsMonitored(DnsblHealthMonitor monitor, string name) => monitor.GetReport().Lists.Any(l => l.Name == name);

    private static IResult NotFound(string name) => Results.NotFound(new { error = $"No monitored DNS list is named '{name}'." });

    private static string SingleListJson(ListHealth health) =>
        new DnsblHealthReport { GeneratedAt = DateTimeOffset.UtcNow, Lists = [health] }.ToJson();
}
