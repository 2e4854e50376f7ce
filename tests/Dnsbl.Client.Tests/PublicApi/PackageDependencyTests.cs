namespace Dnsbl.Client.Tests.PublicApi;

/// <summary>
/// Dnsbl.Client depends on abstractions only, as Polly.Core does; dependency injection, configuration binding, health
/// checks and hosting belong to Dnsbl.Client.Hosting.
/// </summary>
public sealed class PackageDependencyTests
{
    private static readonly string[] CoreMayUse =
    [
        "Polly.Core", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives", "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Diagnostics.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions",
    ];

    [Fact]
    public void GetReferencedAssemblies_Core_OnlyRuntimeAndAbstractions()
    {
        var references = typeof(DnsblClient).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var outside = references.Where(n => !IsRuntime(n) && !CoreMayUse.Contains(n, StringComparer.Ordinal));

        Assert.Empty(outside);
        Assert.Contains("Polly.Core", references);
    }

    [Fact]
    public void GetReferencedAssemblies_Hosting_UsesConfigurationAndHealthChecks()
    {
        var references = typeof(global::Dnsbl.Client.Health.DnsblHealthCheck).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Dnsbl.Client", references);
        Assert.Contains("Microsoft.Extensions.Configuration.Binder", references);
        Assert.Contains("Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions", references);
    }

    private static bool IsRuntime(string name) => name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal);
}
