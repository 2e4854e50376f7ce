namespace Dnsbl.Client.IntegrationTests.Package;

/// <summary>A console project that uses the packages as a customer would: only through PackageReference.</summary>
internal static class ScratchProject
{
    public static void Write(string folder, string version, string packageSource, string nameserver)
    {
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="dnsbl-packed" value="{packageSource}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Scratch.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dnsbl.Client" Version="{version}" />
                <PackageReference Include="Dnsbl.Client.Hosting" Version="{version}" />
                <PackageReference Include="Dnsbl.Client.Testing" Version="{version}" />
                <PackageReference Include="Microsoft.Extensions.Configuration.Json" Version="10.0.14" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.14" />
                <PackageReference Include="Microsoft.Extensions.Logging" Version="10.0.14" />
                <None Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), $$"""
            {
              "Dnsbl": {
                "Nameservers": [ "{{nameserver}}" ],
                "Lists": [ "spamhaus-zen" ],
                "Sites": "bl.demo.test=127.0.0.[2..10]*2",
                "Health": { "LoopbackNameserversAreRetired": false }
              },
              "Inputs": [ "127.0.0.2", "127.0.0.1" ]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);
    }

    private const string Program = """
        using System.Net;
        using Dnsbl.Client;
        using Dnsbl.Client.Health;
        using Dnsbl.Client.Testing.Demo;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Diagnostics.HealthChecks;

        // A customer's wiring: options from appsettings.json (catalogue names, postscreen sites), the client and the
        // health check from the container.
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDnsbl(configuration.GetSection("Dnsbl"));
        services.AddHealthChecks().AddDnsblHealthCheck();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<DnsblClient>();
        var report = await provider.GetRequiredService<DnsblHealthMonitor>().ProbeAllAsync(CancellationToken.None);
        foreach (var list in report.Lists)
        {
            Console.WriteLine($"health {list.Name} {list.State}");
        }

        var healthCheck = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(CancellationToken.None);
        Console.WriteLine($"healthcheck {healthCheck.Status}");

        foreach (var input in configuration.GetSection("Inputs").Get<string[]>()!)
        {
            var result = await client.CheckAsync(IPAddress.Parse(input), CancellationToken.None);
            Console.WriteLine($"check {result.Input} {result.Verdict} score={result.Score}");
            foreach (var outcome in result.Lists)
            {
                Console.WriteLine($"  {outcome.List.Name} {outcome.Kind} {string.Join(' ', outcome.Codes)}");
            }
        }

        var demo = await DemoZones.LoadEmbeddedAsync(CancellationToken.None);
        Console.WriteLine($"demo zones {string.Join(' ', demo.Lists.Select(l => l.Zone))}");
        """;
}
