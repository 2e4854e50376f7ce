using System.Net;
using Dnsbl.Client.Health;
using Dnsbl.Client.Testing.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Tests.DependencyInjection;

public sealed class DnsblServiceCollectionTests
{
    [Fact]
    public async Task AddDnsbl_ConfigurationSection_ResolvedClientChecksAgainstTheConfiguredServer()
    {
        await using var demo = await DemoZones.StartEmbeddedAsync();
        using var file = new JsonConfigurationFile(Json(demo, "\"bl.demo.test\""));
        await using var provider = Services(file).BuildServiceProvider();

        var client = provider.GetRequiredService<DnsblClient>();
        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(DnsblVerdict.Reject, result.Verdict);
        Assert.Equal(3, result.Score);
        Assert.Same(client.Health, provider.GetRequiredService<DnsblHealthMonitor>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<DnsblHealthProbeService>());
    }

    [Fact]
    public async Task AddDnsblHealthCheck_ProbedLists_ReportedThroughHealthCheckService()
    {
        await using var demo = await DemoZones.StartEmbeddedAsync();
        using var file = new JsonConfigurationFile(Json(demo, "\"bl.demo.test\""));
        var services = Services(file);
        services.AddLogging().AddHealthChecks().AddDnsblHealthCheck(tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<DnsblHealthMonitor>();
        monitor.ForceDisable("bl.demo.test", "maintenance");

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["dnsbl"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("all 1 DNS lists are disabled", entry.Description);
        Assert.Equal(["ready"], entry.Tags);
    }

    [Fact]
    public async Task Reload_ChangedListSet_NewListsUsedAndKeptListKeepsItsHealth()
    {
        await using var demo = await DemoZones.StartEmbeddedAsync();
        using var file = new JsonConfigurationFile(Json(demo, "\"bl.demo.test\", \"wl.demo.test\""));
        await using var provider = Services(file).BuildServiceProvider();
        var client = provider.GetRequiredService<DnsblClient>();
        var probed = await client.Health.ProbeAsync("bl.demo.test");
        client.Health.ForceDisable("wl.demo.test", "kept out on purpose");

        file.Rewrite(Json(demo, "\"bl.demo.test\", \"dbl.demo.test\"", "\"Kind\": \"DomainBlockList\""));
        file.Root.Reload();

        Assert.Equal(["bl.demo.test", "dbl.demo.test"], client.Lists.Select(l => l.Name));
        var kept = client.Health.GetReport().Lists[0];
        Assert.Equal((probed.State, probed.LastProbe), (kept.State, kept.LastProbe));
        Assert.NotNull(kept.LastProbe);
        Assert.Equal(ListHealthState.Unknown, client.Health.GetReport().Lists[1].State);
        var domain = await client.CheckDomainAsync("test");
        Assert.Equal(ListOutcomeKind.Listed, Assert.Single(domain.Lists).Kind);
    }

    [Fact]
    public async Task Reload_InvalidConfiguration_ThrowsNamingKeyAndClientKeepsItsLists()
    {
        await using var demo = await DemoZones.StartEmbeddedAsync();
        using var file = new JsonConfigurationFile(Json(demo, "\"bl.demo.test\""));
        await using var provider = Services(file).BuildServiceProvider();
        var client = provider.GetRequiredService<DnsblClient>();

        file.Rewrite(Json(demo, "\"bl.demo.test\"").Replace("\"Attempts\": 1", "\"Attempts\": \"many\"", StringComparison.Ordinal));
        // The options monitor validates inside the change callback, so the reloading code sees the failure (wrapped).
        var thrown = Assert.Throws<AggregateException>(file.Root.Reload);
        var error = Assert.IsType<OptionsValidationException>(thrown.Flatten().InnerException);

        Assert.StartsWith("Dnsbl:Attempts: Failed to convert configuration value 'many' at 'Dnsbl:Attempts' to type ", Assert.Single(error.Failures), StringComparison.Ordinal);
        Assert.Equal(["bl.demo.test"], client.Lists.Select(l => l.Name));
    }

    [Fact]
    public async Task AddDnsbl_InvalidConfiguration_ResolvingTheClientThrowsNamingKeys()
    {
        using var file = new JsonConfigurationFile("""{ "Dnsbl": { "Lists": [ { "Zone": "bl.example", "Rules": [ { "Filter": "127.0.0.2" } ] } ] } }""");
        await using var provider = new ServiceCollection().AddDnsbl(file.Section).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DnsblClient>());

        Assert.Equal(["Dnsbl:Lists:0:Rules:0:Weight: missing; every rule needs a Weight (negative allow-lists)"], error.Failures);
    }

    [Fact]
    public async Task AddDnsbl_CalledTwiceWithAction_RegistersServicesOnceAndAppliesBoth()
    {
        var services = new ServiceCollection()
            .AddDnsbl(o => o.Lists.Add(new Dnsbl.Client.Lists.DnsList("bl.example")))
            .AddDnsbl(o => o.Health.Enabled = false);
        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(DnsblClient));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<DnsblOptions>));
        Assert.Single(provider.GetServices<IHostedService>());
        var client = provider.GetRequiredService<DnsblClient>();
        Assert.Equal("bl.example", Assert.Single(client.Lists).Name);
        Assert.Equal(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddDnsbl_NullArguments_Throw()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddDnsbl((Microsoft.Extensions.Configuration.IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddDnsbl((Action<DnsblOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddDnsbl());
        Assert.Throws<ArgumentException>(() => services.AddHealthChecks().AddDnsblHealthCheck(" "));
    }

    private static ServiceCollection Services(JsonConfigurationFile file)
    {
        var services = new ServiceCollection();
        services.AddDnsbl(file.Section);
        return services;
    }

    /// <summary>
    /// The demo lists named in <paramref name="zones"/>, asked of the demo server; extra settings go on every list. One
    /// attempt with a 5 s wait: the in-process server always answers, and a 1 s attempt ran out once on a busy machine.
    /// </summary>
    private static string Json(DemoServer demo, string zones, string? listSettings = null)
    {
        var lists = string.Join(", ", zones.Split(", ").Select(zone => zone.Contains("dbl", StringComparison.Ordinal)
            ? $$"""{ "Zone": {{zone}}, {{listSettings}} }"""
            : zone.Contains("wl", StringComparison.Ordinal)
                ? $$"""{ "Zone": {{zone}}, "Kind": "IpAllowList" }"""
                : $$"""{ "Zone": {{zone}}, "Rules": [ { "Filter": "127.0.0.2", "Weight": 3 } ] }"""));
        return $$"""
            { "Dnsbl": {
                "Lists": [ {{lists}} ],
                "Nameservers": [ "{{demo.Server.EndPoint}}" ],
                "Attempts": 1,
                "AttemptTimeout": "00:00:05",
                "Health": { "CheckNameservers": false, "LoopbackNameserversAreRetired": false } } }
            """;
    }
}
