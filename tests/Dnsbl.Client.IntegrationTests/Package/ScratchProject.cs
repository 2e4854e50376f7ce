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
                <PackageReference Include="Dnsbl.Client.Testing" Version="{version}" />
                <None Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), $$"""
            {
              "Dnsbl": {
                "Nameservers": [ "{{nameserver}}" ],
                "Catalogue": [ "spamhaus-zen" ],
                "PostscreenSites": "bl.demo.test=127.0.0.[2..10]*2",
                "Inputs": [ "127.0.0.2", "127.0.0.1" ]
              }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);
    }

    private const string Program = """
        using System.Net;
        using System.Text.Json;
        using Dnsbl.Client;
        using Dnsbl.Client.Catalogue;
        using Dnsbl.Client.Lists;
        using Dnsbl.Client.Testing.Demo;

        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        var dnsbl = settings.RootElement.GetProperty("Dnsbl");
        var options = new DnsblOptions
        {
            Nameservers = [.. dnsbl.GetProperty("Nameservers").EnumerateArray().Select(n => n.GetString()!)],
            Lists =
            [
                .. dnsbl.GetProperty("Catalogue").EnumerateArray().Select(n => DnsblCatalogue.Get(n.GetString()!)),
                .. DnsList.ParseSites(dnsbl.GetProperty("PostscreenSites").GetString()!),
            ],
        };
        // The demo zones name ns.demo.test as their nameserver, which nothing resolves: judge the lists by their test points.
        options.Health.CheckNameservers = false;

        await using var client = new DnsblClient(options);
        var report = await client.Health.ProbeAllAsync(CancellationToken.None);
        foreach (var list in report.Lists)
        {
            Console.WriteLine($"health {list.Name} {list.State}");
        }

        foreach (var input in dnsbl.GetProperty("Inputs").EnumerateArray())
        {
            var result = await client.CheckAsync(IPAddress.Parse(input.GetString()!), CancellationToken.None);
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
